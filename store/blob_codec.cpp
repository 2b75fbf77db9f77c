#include "store/blob_codec.h"

#include <zlib.h>
#include <zstd.h>

#include <array>
#include <cstring>
#include <memory>

namespace exposcan {
namespace {

constexpr int k_zstd_level = 1;
constexpr std::array<unsigned char, 4> k_zstd_magic = {0x28, 0xB5, 0x2F, 0xFD};

bool is_zstd(std::string_view data) {
  return data.size() >= k_zstd_magic.size() && std::memcmp(data.data(), k_zstd_magic.data(), k_zstd_magic.size()) == 0;
}

Expected<std::string> zlib_decompress(std::string_view data, size_t size) {
  std::string out(size, '\0');
  uLongf len = static_cast<uLongf>(size);
  int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uLong>(data.size()));
  if (rc != Z_OK || len != size) return make_error("store", "a stored blob is damaged (zlib error " + std::to_string(rc) + ")");
  return out;
}

// One compression and one decompression context per thread, kept: ZSTD_compress() makes and
// frees a context (and its tables) on every call, which cost more than compressing a 40 KB page.
struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

ZSTD_CCtx* compress_context() {
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
  return ctx.get();
}

ZSTD_DCtx* decompress_context() {
  thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
  return ctx.get();
}

Expected<std::string> zstd_decompress(std::string_view data, size_t size) {
  std::string out(size, '\0');
  ZSTD_DCtx* ctx = decompress_context();
  size_t n = ctx ? ZSTD_decompressDCtx(ctx, out.data(), out.size(), data.data(), data.size())
                 : ZSTD_decompress(out.data(), out.size(), data.data(), data.size());
  if (ZSTD_isError(n)) return make_error("store", std::string("a stored blob is damaged (zstd: ") + ZSTD_getErrorName(n) + ")");
  if (n != size) return make_error("store", "a stored blob is damaged (zstd: " + std::to_string(n) + " bytes, " + std::to_string(size) + " expected)");
  return out;
}

}  // namespace

std::string blob_compress(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  ZSTD_CCtx* ctx = compress_context();
  size_t n = ctx ? ZSTD_compressCCtx(ctx, out.data(), out.size(), data.data(), data.size(), k_zstd_level)
                 : ZSTD_compress(out.data(), out.size(), data.data(), data.size(), k_zstd_level);
  if (ZSTD_isError(n)) return {};  // only allocation failures are possible with a correct bound
  out.resize(n);
  return out;
}

Expected<std::string> blob_decompress(std::string_view data, size_t size) {
  return is_zstd(data) ? zstd_decompress(data, size) : zlib_decompress(data, size);
}

std::string zlib_compress(std::string_view data, int level) {
  uLongf bound = compressBound(static_cast<uLong>(data.size()));
  std::string out(bound, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &bound, reinterpret_cast<const Bytef*>(data.data()),
                     static_cast<uLong>(data.size()), level);
  if (rc != Z_OK) return {};  // only Z_MEM_ERROR is possible with a correct bound
  out.resize(bound);
  return out;
}

}  // namespace exposcan
