// core/http_status.h — the standard reason phrases of HTTP status codes (RFC 9110 §15), for
// writing status lines (the WARC evidence, the sample server).
#pragma once

#include <string_view>

namespace exposcan {

// "Not Found" for 404; empty for codes without a registered phrase.
std::string_view http_reason_phrase(int status);

}  // namespace exposcan
