// samples/server/http_util.h — small HTTP helpers for the sample server (internal): media types,
// percent-decoding, query parameters, entity tags, gzip, conditional requests and error pages.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "samples/server/http_message.h"

namespace exposcan::samples::server {

// Builds a Request from the pieces of a parsed HTTP request: takes the host from Host (port and
// trailing dot dropped, lower-cased) or from an absolute-form target, and splits path and query.
Request make_request(std::string method, std::string target, HeaderList headers, bool keep_alive);

// Media type for a file name by extension ("a.html" -> "text/html; charset=utf-8";
// "x.activity.json" -> "application/activity+json"); application/octet-stream when unknown.
std::string content_type_for(std::string_view file_name);

// "a=1&b=x%20y+z" -> {a: "1", b: "x y z"}; the first occurrence of a name wins.
std::map<std::string, std::string> parse_query(std::string_view query);

// Integer query parameter, clamped to [min, max]; `fallback` when absent or not a number.
long query_int(const std::map<std::string, std::string>& query, const std::string& name, long fallback,
               long min, long max);

// Strong entity tag for a body: "\"<16 hex digits of SHA-256>\"".
std::string entity_tag(std::string_view body);

// gzip (RFC 1952) of `data` at `level`.
std::string gzip_compress(std::string_view data, int level = 6);

// True when Accept-Encoding lists gzip (or *) with a non-zero q-value.
bool accepts_gzip(std::string_view accept_encoding);

// A small HTML page for an error or redirect status.
std::string status_page(int status, std::string_view detail = {});

// Standard reason phrase ("Not Found"); "Unknown" for codes without one.
std::string_view reason_phrase(int status);

// Applies conditional GET (RFC 9110 §13: If-None-Match, else If-Modified-Since) to a 200 response
// that carries ETag/Last-Modified, then gzip when the client accepts it and the body is > 1 KiB.
// Only for GET/HEAD; leaves other responses alone.
void finalize_response(const Request& request, Response& response);

}  // namespace exposcan::samples::server
