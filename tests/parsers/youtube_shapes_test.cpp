// YouTube channel tabs as logged-out visitors get them: the page's ytInitialData in the layouts
// YouTube has shipped (videos tab rich grid, lockup view models, Shorts, community posts, the old
// c4 header and about renderer), each read into the channel's profile and its items.
#include <catch2/catch.hpp>

#include "parsers/platforms/youtube_data.h"
#include "sample_pages.h"

using namespace exposcan;
using namespace exposcan::test;

namespace {

ParseOutput channel_tab(const std::string& url, const std::string& data, const std::string& assign = "var ytInitialData = ") {
  return parse_as(url, "text/html",
                  R"html(<html><head><meta property="og:title" content="Jane Gardens">
    <meta itemprop="identifier" content="UCabcdefghijklmnopqrstuv"></head><body><script nonce="n">)html" + assign +
                      data + R"html(;var ytcfg = {"x": "}"};</script></body></html>)html");
}

const std::string k_owner =
    R"({"runs":[{"text":"Jane Gardens","navigationEndpoint":{"browseEndpoint":{"browseId":"UCabcdefghijklmnopqrstuv","canonicalBaseUrl":"/@janegardens"}}}]})";

}  // namespace

TEST_CASE("youtube: the videos tab's rich grid, members-only videos and lockup view models", "[youtube][shapes]") {
  const std::string data = R"({"contents":{"twoColumnBrowseResultsRenderer":{"tabs":[{"tabRenderer":{"title":"Videos","selected":true,
    "content":{"richGridRenderer":{"contents":[
      {"richItemRenderer":{"content":{"videoRenderer":{"videoId":"Ab3dEfGh1jK","title":{"runs":[{"text":"Planting day"}]},
        "descriptionSnippet":{"runs":[{"text":"Plot 12 again. Seeds from "},{"text":"jane@example.org"}]},
        "publishedTimeText":{"simpleText":"3 weeks ago"},"ownerText":)" + k_owner + R"(,
        "thumbnail":{"thumbnails":[{"url":"//i.ytimg.com/vi/Ab3dEfGh1jK/small.jpg","width":168,"height":94},
                                   {"url":"//i.ytimg.com/vi/Ab3dEfGh1jK/big.jpg","width":336,"height":188}]}}}}},
      {"richItemRenderer":{"content":{"videoRenderer":{"videoId":"0th3rCh4nn1","title":{"runs":[{"text":"Collab by a friend"}]},
        "ownerText":{"runs":[{"text":"Sam Sample","navigationEndpoint":{"browseEndpoint":{"browseId":"UCsamsamplesamsamplesam1","canonicalBaseUrl":"/@samsample"}}}]}}}}},
      {"richItemRenderer":{"content":{"videoRenderer":{"videoId":"Mmbr0nly123","title":{"runs":[{"text":"Members: seed swap list"}]},
        "badges":[{"metadataBadgeRenderer":{"style":"BADGE_STYLE_TYPE_MEMBERS_ONLY","label":"Members only"}}]}}}},
      {"richItemRenderer":{"content":{"lockupViewModel":{"contentId":"L0ckupV1d01","contentType":"LOCKUP_CONTENT_TYPE_VIDEO",
        "contentImage":{"thumbnailViewModel":{"image":{"sources":[{"url":"https://i.ytimg.com/vi/L0ckupV1d01/hq.jpg","width":480,"height":270}]}}},
        "metadata":{"lockupMetadataViewModel":{"title":{"content":"Pruning roses"},"metadata":{"contentMetadataViewModel":{"metadataRows":[
          {"metadataParts":[{"text":{"content":"1.2K views"}},{"text":{"content":"2 days ago"}}]}]}}}}}}}},
      {"richItemRenderer":{"content":{"lockupViewModel":{"contentId":"PLabcdefghijk","contentType":"LOCKUP_CONTENT_TYPE_PLAYLIST",
        "metadata":{"lockupMetadataViewModel":{"title":{"content":"All garden tours"}}}}}}},
      {"continuationItemRenderer":{"trigger":"CONTINUATION_TRIGGER_ON_ITEM_SHOWN"}}]}}}}]}},
    "metadata":{"channelMetadataRenderer":{"title":"Jane Gardens","externalId":"UCabcdefghijklmnopqrstuv",
      "vanityChannelUrl":"http://www.youtube.com/@janegardens","description":"Allotment videos."}}})";
  auto out = channel_tab("https://www.youtube.com/@janegardens/videos", data);
  const Item* c = find_item(out, "youtube:channel:UCabcdefghijklmnopqrstuv");
  REQUIRE(c != nullptr);
  CHECK(c->author.handle == "@janegardens");
  CHECK(c->text == "Allotment videos.");
  const Item* v = find_item(out, "youtube:video:Ab3dEfGh1jK");
  REQUIRE(v != nullptr);
  CHECK(v->title == "Planting day");
  CHECK(v->text == "Plot 12 again. Seeds from jane@example.org");
  CHECK(v->media.at(0).url == "https://i.ytimg.com/vi/Ab3dEfGh1jK/big.jpg");
  CHECK(v->author.handle == "@janegardens");
  CHECK(has_field(*v, "published_relative", "3 weeks ago"));
  CHECK(v->visibility == Visibility::public_);
  const Item* members = find_item(out, "youtube:video:Mmbr0nly123");
  REQUIRE(members != nullptr);
  CHECK(members->visibility == Visibility::followers);
  const Item* lockup = find_item(out, "youtube:video:L0ckupV1d01");
  REQUIRE(lockup != nullptr);
  CHECK(lockup->title == "Pruning roses");
  CHECK(has_field(*lockup, "published_relative", "2 days ago"));
  CHECK(lockup->media.at(0).url == "https://i.ytimg.com/vi/L0ckupV1d01/hq.jpg");
  CHECK(find_item(out, "youtube:video:PLabcdefghijk") == nullptr);  // a playlist is not a video
  CHECK(find_item(out, "youtube:video:0th3rCh4nn1") == nullptr);    // another channel's video
  CHECK(out.items.size() == 4);
}

TEST_CASE("youtube: community posts, Shorts lockups and the window[] assignment", "[youtube][shapes]") {
  const std::string data = R"({"contents":{"twoColumnBrowseResultsRenderer":{"tabs":[{"tabRenderer":{"title":"Posts","selected":true,
    "content":{"sectionListRenderer":{"contents":[{"itemSectionRenderer":{"contents":[
      {"backstagePostThreadRenderer":{"post":{"backstagePostRenderer":{"postId":"UgkxPostOne123","authorText":)" + k_owner + R"(,
        "contentText":{"runs":[{"text":"Open garden on Sunday, call 202-555-0147 or see "},
          {"text":"jane.example","navigationEndpoint":{"urlEndpoint":{"url":"https://www.youtube.com/redirect?event=backstage&q=https%3A%2F%2Fjane.example%2Fopen-garden"}}},
          {"text":" "},{"text":"#allotment"}]},
        "publishedTimeText":{"runs":[{"text":"5 days ago"}]},
        "backstageAttachment":{"postMultiImageRenderer":{"images":[
          {"backstageImageRenderer":{"image":{"thumbnails":[{"url":"https://yt3.ggpht.com/post-1=s640","width":640,"height":640}]}}},
          {"backstageImageRenderer":{"image":{"thumbnails":[{"url":"https://yt3.ggpht.com/post-2=s640","width":640,"height":640}]}}}]}}}}}},
      {"backstagePostThreadRenderer":{"post":{"backstagePostRenderer":{"postId":"UgkxPostTwo456","authorText":)" + k_owner + R"(,
        "contentText":{"runs":[{"text":"Which tomato next year?"}]},"sponsorsOnlyBadge":{"sponsorsOnlyBadgeRenderer":{}},
        "backstageAttachment":{"pollRenderer":{"choices":[{"text":{"runs":[{"text":"Cherry"}]}},{"text":{"runs":[{"text":"Beefsteak"}]}}]}}}}}},
      {"shortsLockupViewModel":{"entityId":"shorts-shelf-item-Sh0rtsABC12","overlayMetadata":{"primaryText":{"content":"Bee on a sunflower"}},
        "onTap":{"innertubeCommand":{"reelWatchEndpoint":{"videoId":"Sh0rtsABC12"}}}}}]}}]}}}}]}},
    "header":{"c4TabbedHeaderRenderer":{"channelId":"UCabcdefghijklmnopqrstuv","title":"Jane Gardens",
      "channelHandleText":{"runs":[{"text":"@janegardens"}]}}}})";
  auto out = channel_tab("https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv/posts", data, R"(window["ytInitialData"] = )");
  const Item* c = find_item(out, "youtube:channel:UCabcdefghijklmnopqrstuv");
  REQUIRE(c != nullptr);
  CHECK(c->author.handle == "@janegardens");  // from the c4 header
  const Item* p = find_item(out, "youtube:post:UgkxPostOne123");
  REQUIRE(p != nullptr);
  CHECK(p->kind == ItemKind::post);
  CHECK(p->url == "https://www.youtube.com/post/UgkxPostOne123");
  CHECK(p->text == "Open garden on Sunday, call 202-555-0147 or see jane.example #allotment");
  CHECK(p->links == std::vector<std::string>{"https://jane.example/open-garden"});
  CHECK(p->tags == std::vector<std::string>{"allotment"});
  CHECK(p->media.size() == 2);
  CHECK(p->author.handle == "@janegardens");
  CHECK(has_field(*p, "published_relative", "5 days ago"));
  const Item* poll = find_item(out, "youtube:post:UgkxPostTwo456");
  REQUIRE(poll != nullptr);
  CHECK(poll->text == "Which tomato next year?\nCherry\nBeefsteak");
  CHECK(poll->visibility == Visibility::followers);
  const Item* s = find_item(out, "youtube:video:Sh0rtsABC12");
  REQUIRE(s != nullptr);
  CHECK(s->title == "Bee on a sunflower");
  CHECK(s->url == "https://www.youtube.com/shorts/Sh0rtsABC12");
}

TEST_CASE("youtube: the older about renderer's links, and a broken ytInitialData leaves the profile", "[youtube][shapes]") {
  const std::string data = R"({"contents":{"twoColumnBrowseResultsRenderer":{"tabs":[{"tabRenderer":{"title":"About","selected":true,
    "content":{"sectionListRenderer":{"contents":[{"itemSectionRenderer":{"contents":[{"channelAboutFullMetadataRenderer":{
      "description":{"simpleText":"Allotment videos. Business: jane@example.org"},"country":{"simpleText":"Germany"},
      "joinedDateText":{"runs":[{"text":"Joined "},{"text":"Mar 3, 2015"}]},
      "primaryLinks":[{"title":{"simpleText":"Blog"},"navigationEndpoint":{"urlEndpoint":{"url":"/redirect?q=https%3A%2F%2Fjane.example%2Fblog&event=channel_banner"}}}]
    }}]}}]}}}}]}}})";
  auto out = channel_tab("https://www.youtube.com/@janegardens/about", data);
  const Item* c = find_item(out, "youtube:channel:UCabcdefghijklmnopqrstuv");
  REQUIRE(c != nullptr);
  CHECK(c->text == "Allotment videos. Business: jane@example.org");
  CHECK(has_field(*c, "country", "Germany"));
  CHECK(has_field(*c, "joined", "Mar 3, 2015"));
  CHECK(has_field(*c, "link: Blog", "https://jane.example/blog"));

  // Truncated data (the page cut off mid-object): the profile from the page's metadata, no items.
  auto broken = channel_tab("https://www.youtube.com/@janegardens", R"({"contents":{"twoColumnBrowseResultsRenderer":{"tabs":[{"tabRenderer")");
  REQUIRE(broken.items.size() == 1);
  CHECK(broken.items[0].id == "youtube:channel:UCabcdefghijklmnopqrstuv");
  // A hostile tree: deep nesting and a non-object where renderers are expected are walked without harm.
  std::string deep = R"({"videoRenderer":"not an object","a":)";
  for (int i = 0; i < 5000; ++i) deep += "[";
  for (int i = 0; i < 5000; ++i) deep += "]";
  deep += "}";
  Item channel, base;
  CHECK(read_youtube_initial_data(nlohmann::json::parse(deep), channel, base).empty());
  CHECK(youtube_script_object("var ytInitialData = 5;", "ytInitialData").is_null());
  // The name written thousands of times before unbalanced braces: at most eight scans to the end
  // of the page (seconds per page before), then nothing.
  std::string noisy;
  for (int i = 0; i < 20000; ++i) noisy += "ytInitialData = {\"a\": [";
  CHECK(youtube_script_object(noisy, "ytInitialData").is_null());
  CHECK(youtube_script_object("x ytInitialData = {\"ok\": 1}; y", "ytInitialData").value("ok", 0) == 1);
}

TEST_CASE("youtube: lockups name their channel by the avatar, members-only badge view models, Shorts ids with dashes", "[youtube][shapes]") {
  auto lockup = [](const std::string& id, const std::string& channel, const std::string& badge) {
    return R"({"richItemRenderer":{"content":{"lockupViewModel":{"contentId":")" + id + R"(","contentType":"LOCKUP_CONTENT_TYPE_VIDEO",
      "metadata":{"lockupMetadataViewModel":{"title":{"content":"Video )" + id + R"("},
        "image":{"decoratedAvatarViewModel":{"rendererContext":{"commandContext":{"onTap":{"innertubeCommand":{
          "browseEndpoint":{"browseId":")" + channel + R"(","canonicalBaseUrl":"/@someone"}}}}}}},
        "metadata":{"contentMetadataViewModel":{"metadataRows":[{"badges":[)" + badge + R"(]}]}}}}}}}})";
  };
  const std::string members = R"({"badgeViewModel":{"badgeText":"Members only","badgeStyle":"BADGE_MEMBERS_ONLY"}})";
  const std::string data = R"({"contents":{"twoColumnBrowseResultsRenderer":{"tabs":[{"tabRenderer":{"selected":true,
    "content":{"richGridRenderer":{"contents":[)" + lockup("0wnL0ckup01", "UCabcdefghijklmnopqrstuv", "") + "," +
                           lockup("0th3rL0ck01", "UCsamsamplesamsamplesam1", "") + "," +
                           lockup("Mmbr0nlyL01", "UCabcdefghijklmnopqrstuv", members) + R"(,
      {"richItemRenderer":{"content":{"shortsLockupViewModel":{"entityId":"shorts-shelf-item-Ab-cdEF_hiJ",
        "overlayMetadata":{"primaryText":{"content":"Dash"}}}}}}]}}}}]}}})";
  auto out = channel_tab("https://www.youtube.com/@janegardens/videos", data);
  REQUIRE(find_item(out, "youtube:video:0wnL0ckup01") != nullptr);
  CHECK(find_item(out, "youtube:video:0th3rL0ck01") == nullptr);  // another channel's lockup
  const Item* members_only = find_item(out, "youtube:video:Mmbr0nlyL01");
  REQUIRE(members_only != nullptr);
  CHECK(members_only->visibility == Visibility::followers);
  CHECK(find_item(out, "youtube:video:0wnL0ckup01")->visibility == Visibility::public_);
  const Item* dash = find_item(out, "youtube:video:Ab-cdEF_hiJ");
  REQUIRE(dash != nullptr);
  CHECK(dash->url == "https://www.youtube.com/shorts/Ab-cdEF_hiJ");
}
