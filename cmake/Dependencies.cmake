# Every dependency is a Debian 12 package (scripts/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CURL 7.88 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(ZLIB REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.74 EXACT REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
  find_path(CLI11_INCLUDE_DIR CLI/CLI.hpp REQUIRED)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  target_include_directories(CLI11::CLI11 INTERFACE ${CLI11_INCLUDE_DIR})
endif()
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
# IDNA2008/UTS #46 host names: libcurl 7.88.1's CURLU_PUNYCODE fails on every non-ASCII host.
pkg_check_modules(IDN2 REQUIRED IMPORTED_TARGET libidn2)
# Brotli (Content-Encoding: br) bodies in WARC captures: browsers ask for br, archivers store it.
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)
# ZIP archives (APPNOTE): Playwright's `recordHar` writes a .har.zip (the HAR plus its bodies).
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)

# libphonenumber ships no CMake or pkg-config file in Debian 12.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
add_library(exposcan::phonenumber INTERFACE IMPORTED)
target_include_directories(exposcan::phonenumber INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(exposcan::phonenumber INTERFACE ${PHONENUMBER_LIBRARY})

if(TARGET yaml-cpp AND NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()

if(EXPOSCAN_MIMALLOC AND NOT EXPOSCAN_SANITIZE AND NOT EXPOSCAN_FUZZ)
  find_package(mimalloc 2.0 CONFIG REQUIRED)
endif()
