// Stored blobs: zstd frames now, zlib streams from earlier versions still read; damage is an
// error, never a wrong body.
#include <catch2/catch.hpp>

#include <string>

#include "store/blob_codec.h"

using namespace exposcan;

TEST_CASE("blob codec round-trips with zstd and still reads zlib blobs", "[store][blob]") {
  std::string body;
  for (int i = 0; i < 2000; ++i) body += "<p class=\"post\">Jane Doe wrote post " + std::to_string(i) + "</p>\n";

  std::string packed = blob_compress(body);
  REQUIRE(packed.size() >= 4);
  CHECK(static_cast<unsigned char>(packed[0]) == 0x28);  // a zstd frame
  CHECK(packed.size() < body.size() / 4);
  auto back = blob_decompress(packed, body.size());
  REQUIRE(back);
  CHECK(*back == body);

  std::string old = zlib_compress(body, 1);  // a blob written before zstd
  auto old_back = blob_decompress(old, body.size());
  REQUIRE(old_back);
  CHECK(*old_back == body);

  auto empty = blob_decompress(blob_compress(""), 0);
  REQUIRE(empty);
  CHECK(empty->empty());
}

TEST_CASE("a damaged or mis-sized blob is an error naming the codec", "[store][blob]") {
  const std::string body(5000, 'x');
  std::string packed = blob_compress(body);
  std::string cut = packed.substr(0, packed.size() / 2);
  auto damaged = blob_decompress(cut, body.size());
  REQUIRE_FALSE(damaged);
  CHECK(damaged.error().code == "store");
  CHECK(damaged.error().message.find("a stored blob is damaged (zstd") == 0);

  auto wrong_size = blob_decompress(packed, body.size() + 1);
  REQUIRE_FALSE(wrong_size);
  CHECK(wrong_size.error().message.find("a stored blob is damaged (zstd") == 0);

  std::string old = zlib_compress(body, 1);
  old[old.size() / 2] ^= 0x55;
  auto bad_zlib = blob_decompress(old, body.size());
  REQUIRE_FALSE(bad_zlib);
  CHECK(bad_zlib.error().message.find("a stored blob is damaged (zlib") == 0);
}
