// core/hash.h — SHA-256, HMAC-SHA256 and random bytes (OpenSSL EVP). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace exposcan {

std::string sha256_hex(std::string_view data);     // lower-case hex, 64 chars
std::string sha256_raw(std::string_view data);     // 32 raw bytes
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
std::string random_bytes(size_t n);                // cryptographically strong (RAND_bytes)
std::string to_hex(std::string_view bytes);
std::string base64_encode(std::string_view bytes);
// RFC 4648 base64 (whitespace ignored, padding required); nullopt when it is not base64.
std::optional<std::string> base64_decode(std::string_view text);

// Incremental SHA-256 for streamed bodies.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string hex_digest();  // finishes; the object must not be updated afterwards

 private:
  void* m_ctx;
};

}  // namespace exposcan
