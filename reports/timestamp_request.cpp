#include "reports/timestamp_request.h"

#include <openssl/bn.h>
#include <openssl/objects.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

#include <memory>

#include "core/hash.h"

namespace exposcan {
namespace {

template <class T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using ReqPtr = std::unique_ptr<TS_REQ, Deleter<TS_REQ, TS_REQ_free>>;
using ImprintPtr = std::unique_ptr<TS_MSG_IMPRINT, Deleter<TS_MSG_IMPRINT, TS_MSG_IMPRINT_free>>;
using AlgorPtr = std::unique_ptr<X509_ALGOR, Deleter<X509_ALGOR, X509_ALGOR_free>>;
using IntPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER, ASN1_INTEGER_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

Error tsq_error(const char* what) { return make_error("tsq", std::string("cannot build the time-stamp request: ") + what); }

}  // namespace

Expected<std::string> make_timestamp_request(std::string_view digest) {
  if (digest.size() != 32) return make_error("tsq", "a SHA-256 digest has 32 bytes");
  ReqPtr req(TS_REQ_new());
  ImprintPtr imprint(TS_MSG_IMPRINT_new());
  AlgorPtr algor(X509_ALGOR_new());
  if (!req || !imprint || !algor) return tsq_error("out of memory");
  if (!TS_REQ_set_version(req.get(), 1)) return tsq_error("version");
  if (!X509_ALGOR_set0(algor.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr)) return tsq_error("algorithm");
  if (!TS_MSG_IMPRINT_set_algo(imprint.get(), algor.get())) return tsq_error("algorithm");
  if (!TS_MSG_IMPRINT_set_msg(imprint.get(), reinterpret_cast<unsigned char*>(const_cast<char*>(digest.data())),
                              static_cast<int>(digest.size())))
    return tsq_error("imprint");
  if (!TS_REQ_set_msg_imprint(req.get(), imprint.get())) return tsq_error("imprint");

  std::string nonce_bytes = sha256_raw("exposcan-tsq-nonce" + std::string(digest)).substr(0, 8);
  nonce_bytes[0] = static_cast<char>((nonce_bytes[0] & 0x7F) | 0x40);  // positive, always 8 bytes
  BnPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(nonce_bytes.data()), 8, nullptr));
  if (!bn) return tsq_error("nonce");
  IntPtr nonce(BN_to_ASN1_INTEGER(bn.get(), nullptr));
  if (!nonce || !TS_REQ_set_nonce(req.get(), nonce.get())) return tsq_error("nonce");
  if (!TS_REQ_set_cert_req(req.get(), 1)) return tsq_error("certReq");

  unsigned char* der = nullptr;
  int len = i2d_TS_REQ(req.get(), &der);
  if (len <= 0 || !der) return tsq_error("DER encoding");
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

Expected<TimestampRequestInfo> parse_timestamp_request(std::string_view der) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  ReqPtr req(d2i_TS_REQ(nullptr, &p, static_cast<long>(der.size())));
  if (!req || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size())
    return make_error("tsq", "not an RFC 3161 time-stamp request");
  TimestampRequestInfo info;
  info.version = static_cast<int>(TS_REQ_get_version(req.get()));
  TS_MSG_IMPRINT* imprint = TS_REQ_get_msg_imprint(req.get());
  X509_ALGOR* algor = TS_MSG_IMPRINT_get_algo(imprint);
  const ASN1_OBJECT* obj = nullptr;
  X509_ALGOR_get0(&obj, nullptr, nullptr, algor);
  int nid = OBJ_obj2nid(obj);
  info.hash_algorithm = nid == NID_undef ? "unknown" : OBJ_nid2sn(nid);
  ASN1_OCTET_STRING* msg = TS_MSG_IMPRINT_get_msg(imprint);
  info.imprint_hex = to_hex(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(msg)),
                                             static_cast<size_t>(ASN1_STRING_length(msg))));
  if (const ASN1_INTEGER* nonce = TS_REQ_get_nonce(req.get())) {
    BnPtr bn(ASN1_INTEGER_to_BN(nonce, nullptr));
    if (bn) {
      std::string bytes(static_cast<size_t>(BN_num_bytes(bn.get())), '\0');
      BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(bytes.data()));
      info.nonce_hex = to_hex(bytes);
    }
  }
  info.cert_req = TS_REQ_get_cert_req(req.get()) != 0;
  return info;
}

}  // namespace exposcan
