#include "store/blob_codec.h"

#include <zlib.h>

namespace exposcan {

std::string zlib_compress(std::string_view data, int level) {
  uLongf bound = compressBound(static_cast<uLong>(data.size()));
  std::string out(bound, '\0');
  int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &bound, reinterpret_cast<const Bytef*>(data.data()),
                     static_cast<uLong>(data.size()), level);
  if (rc != Z_OK) return {};  // only Z_MEM_ERROR is possible with a correct bound
  out.resize(bound);
  return out;
}

Expected<std::string> zlib_decompress(std::string_view data, size_t size) {
  std::string out(size, '\0');
  uLongf len = static_cast<uLongf>(size);
  int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(data.data()),
                      static_cast<uLong>(data.size()));
  if (rc != Z_OK || len != size) return make_error("store", "a stored blob is damaged (zlib error " + std::to_string(rc) + ")");
  return out;
}

}  // namespace exposcan
