// tests/reports/png_image.h — just enough PNG decoding (8-bit RGB/RGBA, non-interlaced, zlib) to
// check a headless-browser screenshot: size and pixel statistics.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace exposcan::test {

struct PngImage {
  uint32_t width = 0, height = 0;
  std::vector<uint32_t> pixels;  // 0xRRGGBB

  // Share of pixels that differ from the most common colour (the background).
  double ink() const {
    std::map<uint32_t, size_t> counts;
    for (uint32_t p : pixels) counts[p]++;
    size_t top = 0;
    for (const auto& [_, n] : counts) top = std::max(top, n);
    return pixels.empty() ? 0 : 1.0 - static_cast<double>(top) / static_cast<double>(pixels.size());
  }
  size_t colours() const {
    std::map<uint32_t, size_t> counts;
    for (uint32_t p : pixels) counts[p]++;
    return counts.size();
  }
};

inline uint32_t be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) | (uint32_t(uint8_t(s[at + 2])) << 8) |
         uint32_t(uint8_t(s[at + 3]));
}

inline std::optional<PngImage> decode_png(const std::string& file) {
  if (file.size() < 8 || file.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return std::nullopt;
  PngImage img;
  int bit_depth = 0, colour = 0, interlace = 0;
  std::string idat;
  for (size_t pos = 8; pos + 12 <= file.size();) {
    uint32_t len = be32(file, pos);
    std::string type = file.substr(pos + 4, 4);
    if (pos + 12 + len > file.size()) return std::nullopt;
    if (type == "IHDR") {
      img.width = be32(file, pos + 8);
      img.height = be32(file, pos + 12);
      bit_depth = uint8_t(file[pos + 16]);
      colour = uint8_t(file[pos + 17]);
      interlace = uint8_t(file[pos + 20]);
    } else if (type == "IDAT") {
      idat.append(file, pos + 8, len);
    } else if (type == "IEND") {
      break;
    }
    pos += 12 + len;
  }
  if (bit_depth != 8 || (colour != 2 && colour != 6) || interlace != 0 || !img.width || !img.height) return std::nullopt;
  size_t bpp = colour == 6 ? 4 : 3, stride = img.width * bpp;
  std::string raw((stride + 1) * img.height, '\0');
  uLongf raw_len = raw.size();
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &raw_len, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK ||
      raw_len != raw.size())
    return std::nullopt;
  std::vector<uint8_t> prev(stride, 0), cur(stride);
  img.pixels.reserve(size_t(img.width) * img.height);
  for (uint32_t y = 0; y < img.height; ++y) {
    uint8_t filter = uint8_t(raw[y * (stride + 1)]);
    const uint8_t* in = reinterpret_cast<const uint8_t*>(raw.data()) + y * (stride + 1) + 1;
    for (size_t x = 0; x < stride; ++x) {
      int a = x >= bpp ? cur[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
      int v = in[x];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) / 2; break;
        case 4: {
          int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          v += (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
          break;
        }
        default: return std::nullopt;
      }
      cur[x] = uint8_t(v);
    }
    for (uint32_t x = 0; x < img.width; ++x)
      img.pixels.push_back((uint32_t(cur[x * bpp]) << 16) | (uint32_t(cur[x * bpp + 1]) << 8) | cur[x * bpp + 2]);
    prev = cur;
  }
  return img;
}

}  // namespace exposcan::test
