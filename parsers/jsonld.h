// parsers/jsonld.h — schema.org JSON-LD blocks of a page, flattened into normalised nodes.
//
// Every <script type="application/ld+json"> is parsed on its own (HTML comment and CDATA wrappers
// stripped); invalid JSON is recorded as an error and the next block is read. Objects are found
// at any depth (top level, arrays, "@graph", nested values such as ProfilePage.mainEntity or
// Article.author) and those of the types below become JsonLdNode values with normalised fields;
// an author or image given by {"@id": ...} (Yoast's @graph) is resolved against the other nodes,
// filling what the reference leaves out (the author's URL, the image's URL and caption). Each node
// says whether it was written as a property value (`nested`), and the result lists every @id
// written as one (`referenced`): a top-level media object nothing refers to is what its page is
// about (generic_html's photo and video pages), a "#primaryimage" is not. Types are compared
// after dropping a "schema:" or "http(s)://schema.org/" prefix. No JSON-LD expansion or remote
// @context is fetched: this is structural reading, which is what pages actually rely on.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace exposcan {

struct JsonLdImage {
  std::string url;
  std::string caption;  // caption, else name / description of an ImageObject
};

struct JsonLdRef {  // an author / creator
  std::string id, type, name, url, alternate_name;
};

struct JsonLdAddress {
  std::string text;  // the value when given as a string
  std::string street, locality, region, postal_code, country;
  std::string to_string() const;  // text, else the parts joined with ", "
};

struct JsonLdStat {
  std::string type;  // "LikeAction", "CommentAction", ...
  long long count = 0;
};

struct JsonLdPlace {  // contentLocation / locationCreated: a Place, or a name
  std::string name;
  std::optional<double> lat, lon;
};

struct JsonLdNode {
  std::vector<std::string> types;  // normalised ("Person")
  std::string id;
  std::string name, alternate_name, email, telephone, birth_date, url, description, job_title;
  std::string headline, body;  // body: articleBody, else text
  std::string date_published, date_modified;  // as written
  std::optional<JsonLdAddress> address;
  std::vector<std::string> same_as;
  std::vector<JsonLdImage> images;
  std::vector<JsonLdRef> authors;
  std::vector<JsonLdStat> interaction;
  std::string caption;      // caption (a MediaObject's)
  std::string content_url;  // contentUrl (the media file), else embedUrl
  std::vector<std::string> licenses;    // license values as written (URLs, or texts)
  std::optional<JsonLdPlace> location;  // contentLocation, else locationCreated
  // Written as another object's property value (not at the top level, in an array or "@graph").
  bool nested = false;
  int main_entity = -1;  // index of the node in JsonLdResult::nodes (ProfilePage/WebPage mainEntity)
  nlohmann::json raw;    // the object as written

  bool is(std::string_view type) const;
};

struct JsonLdResult {
  std::vector<JsonLdNode> nodes;  // document order, outer objects before the ones they contain
  std::vector<std::string> errors;
  size_t blocks = 0;  // scripts read
  std::vector<std::string> referenced;  // @id of every object written as a property value

  bool is_referenced(std::string_view id) const;

  const JsonLdNode* first_of(std::string_view type) const;
  const JsonLdNode* by_id(std::string_view id) const;
};

// The types exposed as nodes.
bool is_exposed_jsonld_type(std::string_view type);

JsonLdResult extract_jsonld(const std::vector<std::string>& scripts);

}  // namespace exposcan
