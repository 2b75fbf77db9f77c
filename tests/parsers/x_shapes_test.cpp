// X: the JSON it gives embeds without logging in, pages saved from a browser (the rendered
// timeline a crawler never gets) and the web client's GraphQL answers a HAR export holds. Bodies
// are built here or read from samples/sites/x.com (fictional data).
#include <catch2/catch.hpp>

#include "tests/parsers/sample_pages.h"

using namespace exposcan;
using test::find_item;
using test::has_field;
using test::parse_as;
using test::parse_body;

TEST_CASE("x: the embed JSON gives the post and credits quoted and parent posts to their own authors", "[x][shapes]") {
  // cdn.syndication.twimg.com/tweet-result (vercel/react-tweet api/types/tweet.ts): text with t.co
  // links and entities, mediaDetails with ext_alt_text, quoted_tweet and parent as whole posts.
  auto out = parse_body("https://cdn.syndication.twimg.com/tweet-result?id=1790000000000000002&lang=en", R"({
    "__typename": "Tweet", "lang": "en", "created_at": "2024-05-13T09:30:00.000Z", "id_str": "1790000000000000002",
    "text": "@bobexample Same here, see https://t.co/AbCdEf12 https://t.co/PiCt0001",
    "entities": {"hashtags": [], "urls": [{"url": "https://t.co/AbCdEf12", "expanded_url": "https://jane.example/plot-12"}],
      "user_mentions": [{"id_str": "2002", "name": "Bob Example", "screen_name": "bobexample"}]},
    "user": {"id_str": "1001", "name": "Jane Example", "screen_name": "janeexample"},
    "in_reply_to_screen_name": "bobexample", "in_reply_to_status_id_str": "1790000000000000001", "in_reply_to_user_id_str": "2002",
    "mediaDetails": [{"type": "photo", "url": "https://t.co/PiCt0001", "media_url_https": "https://pbs.twimg.com/media/Gplot12.jpg",
      "ext_alt_text": "Plot 12 with the blue shed"}],
    "parent": {"id_str": "1790000000000000001", "lang": "en", "created_at": "2024-05-13T09:00:00.000Z",
      "text": "My number changed: 202-555-0177", "entities": {}, "user": {"id_str": "2002", "name": "Bob Example", "screen_name": "bobexample"}},
    "quoted_tweet": {"id_str": "1780000000000000000", "lang": "en", "created_at": "2024-04-01T10:00:00.000Z",
      "text": "Allotments open in Springfield", "entities": {}, "user": {"id_str": "3003", "name": "Town", "screen_name": "townexample"}}})");
  const Item* reply = find_item(out, "x:post:1790000000000000002");
  REQUIRE(reply != nullptr);
  CHECK(reply->kind == ItemKind::comment);
  CHECK(reply->author.handle == "@janeexample");
  CHECK(reply->text == "@bobexample Same here, see https://jane.example/plot-12");
  CHECK(reply->parent_id == "x:post:1790000000000000001");
  REQUIRE(reply->media.size() == 1);
  CHECK(reply->media[0].alt == "Plot 12 with the blue shed");
  CHECK(has_field(*reply, "quotes", "https://x.com/townexample/status/1780000000000000000"));
  REQUIRE(reply->published_at.has_value());
  CHECK(format_rfc3339(*reply->published_at) == "2024-05-13T09:30:00Z");
  const Item* parent = find_item(out, "x:post:1790000000000000001");
  REQUIRE(parent != nullptr);
  CHECK(parent->author.handle == "@bobexample");
  CHECK(parent->text == "My number changed: 202-555-0177");
  const Item* quoted = find_item(out, "x:post:1780000000000000000");
  REQUIRE(quoted != nullptr);
  CHECK(quoted->author.handle == "@townexample");

  auto gone = parse_body("https://cdn.syndication.twimg.com/tweet-result?id=1790000000000000009&lang=en",
                         R"({"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post is from an account that no longer exists."}}})");
  REQUIRE(gone.items.size() == 1);
  CHECK(gone.items[0].id == "x:post:1790000000000000009");
  CHECK(gone.items[0].visibility == Visibility::unknown);

  // publish.twitter.com/oembed: the post as the embed's blockquote.
  auto embed = parse_body("https://publish.twitter.com/oembed?url=https://twitter.com/janeexample/status/1790000000000000002", R"({
    "url": "https://twitter.com/janeexample/status/1790000000000000002", "author_name": "Jane Example",
    "author_url": "https://twitter.com/janeexample",
    "html": "<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">Seedlings are up at plot 12 <a href=\"https://t.co/PiCt0001\">pic.twitter.com/PiCt0001</a></p>&mdash; Jane Example (@janeexample) <a href=\"https://twitter.com/janeexample/status/1790000000000000002?ref_src=twsrc%5Etfw\">May 13, 2024</a></blockquote>\n<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>\n",
    "width": 550, "height": null, "type": "rich", "cache_age": "3153600000", "provider_name": "Twitter",
    "provider_url": "https://twitter.com", "version": "1.0"})");
  const Item* e = find_item(embed, "x:post:1790000000000000002");
  REQUIRE(e != nullptr);
  CHECK(e->author.handle == "@janeexample");
  CHECK(e->author.name == "Jane Example");
  CHECK(e->text == "Seedlings are up at plot 12 pic.twitter.com/PiCt0001");
  CHECK(e->published_at.has_value());
}

// Pages saved from a browser (Save Page As, SingleFile) hold X's rendered timeline; a crawler gets
// the script shell. samples/sites/x.com/_saved_*.html are such pages with the app's real markup.
TEST_CASE("x: a saved profile page's rendered posts, with photos, alt texts and reposts", "[x][shapes][offline]") {
  auto out = parse_as("https://x.com/janeexample", "text/html", test::read_text(test::source_dir() / "samples/sites/x.com/_saved_profile.html"));
  REQUIRE(out.items.size() == 4);
  CHECK(out.items[0].id == "x:account:janeexample");
  const Item* seedlings = find_item(out, "x:post:1785000000000000001");
  REQUIRE(seedlings != nullptr);
  CHECK(seedlings->kind == ItemKind::post);
  CHECK(seedlings->url == "https://x.com/janeexample/status/1785000000000000001");
  CHECK(seedlings->author.handle == "@janeexample");
  CHECK(seedlings->author.name == "Jane Example");
  CHECK(seedlings->text == "Seedlings are up! Call 202-555-0147 for spares. #garden");
  CHECK(seedlings->language == "en");
  REQUIRE(seedlings->published_at.has_value());
  CHECK(format_rfc3339(*seedlings->published_at) == "2026-05-01T10:00:00Z");
  REQUIRE(seedlings->media.size() == 1);
  CHECK(seedlings->media[0].alt == "Tomato seedlings on my windowsill at 12 Elm Road");
  const Item* heron = find_item(out, "x:post:1786000000000000002");
  REQUIRE(heron != nullptr);
  CHECK(heron->text == "Inktober practice: a heron, mostly legs.");
  REQUIRE(heron->media.size() == 1);
  CHECK(heron->media[0].alt.empty());  // X's default "Image" is no alt text
  // A repost: the post of the account that wrote it, shared by Jane.
  const Item* repost = find_item(out, "x:post:1786500000000000003");
  REQUIRE(repost != nullptr);
  CHECK(repost->author.handle == "@examplebirding");
  CHECK(has_field(*repost, "reposted_by", "@janeexample"));
}

TEST_CASE("x: a saved post page is the post once, and the replies under it are comments", "[x][shapes][offline]") {
  auto out = parse_as("https://x.com/janeexample/status/1785000000000000001", "text/html",
                      test::read_text(test::source_dir() / "samples/sites/x.com/_saved_status.html"));
  REQUIRE(out.items.size() == 2);
  const Item& post = out.items[0];
  CHECK(post.id == "x:post:1785000000000000001");
  CHECK(post.text == "Seedlings are up! Call 202-555-0147 for spares.");
  REQUIRE(post.published_at.has_value());
  const Item* reply = find_item(out, "x:post:1785000000000000099");
  REQUIRE(reply != nullptr);
  CHECK(reply->kind == ItemKind::comment);
  CHECK(reply->parent_id == "x:post:1785000000000000001");
  CHECK(reply->author.handle == "@bobexample");
  // An article without a status link gives no post (the profile item only).
  auto bare = parse_as("https://x.com/janeexample", "text/html",
                       R"html(<html><body><article data-testid="tweet"><div data-testid="tweetText">no link</div></article></body></html>)html");
  REQUIRE(bare.items.size() == 1);
  CHECK(bare.items[0].kind == ItemKind::profile);
}

TEST_CASE("x: a quoted post's card is not the post's, local pictures need alt text, Discover more answers nothing", "[x][shapes][offline]") {
  auto post = [](const std::string& handle, const std::string& id, const std::string& inner) {
    return R"(<article data-testid="tweet"><div data-testid="User-Name"><a href="/)" + handle + R"(" role="link"><span>)" + handle +
           R"(</span></a><a href="/)" + handle + "/status/" + id + R"(" role="link"><time datetime="2026-05-01T10:00:00.000Z">May 1</time></a></div>)" +
           inner + "</article>";
  };
  const std::string quote_card = R"(<div role="link" tabindex="0"><div data-testid="User-Name"><span>Sam Sample</span><span>@samsample</span></div>
    <div data-testid="tweetText" lang="de"><span>Schreib mir: sam@example.net</span></div>
    <div data-testid="tweetPhoto"><img alt="Sam at the allotment" src="https://pbs.twimg.com/media/Sam.jpg"></div></div>)";
  const std::string page = "<html><body><main>" +
      post("janeexample", "1785000000000000001", R"(<div data-testid="tweetText" lang="en"><span>Focal post</span></div>)") +
      post("bobexample", "1785000000000000002", R"(<div data-testid="tweetPhoto"><img alt="" src="./Jane_files/x.jpg"></div>
        <div data-testid="tweetPhoto"><img alt="Bob's seed tray at 14 Elm Road" src="./Jane_files/y.jpg"></div>)" + quote_card) +
      R"(<div data-testid="cellInnerDiv"><h2 role="heading"><span>Discover more</span></h2></div>)" +
      post("someone", "1785000000000000003", R"(<div data-testid="tweetText"><span>Unrelated</span></div>)") + "</main></body></html>";
  auto out = parse_as("https://x.com/janeexample/status/1785000000000000001", "text/html", page);
  const Item* reply = find_item(out, "x:post:1785000000000000002");
  REQUIRE(reply != nullptr);
  CHECK(reply->kind == ItemKind::comment);
  CHECK(reply->text.empty());  // the quoted card's text is Sam's
  CHECK(reply->language.empty());
  REQUIRE(reply->media.size() == 1);  // the local copy without alt text is left out, Sam's picture too
  CHECK(reply->media[0].url == "./Jane_files/y.jpg");
  CHECK(reply->media[0].alt == "Bob's seed tray at 14 Elm Road");
  const Item* unrelated = find_item(out, "x:post:1785000000000000003");
  REQUIRE(unrelated != nullptr);
  CHECK(unrelated->kind == ItemKind::post);
  CHECK(unrelated->parent_id.empty());
}

// X's web client API as a HAR export holds it (samples/sites/x.com/_api/*.json, shapes of 2025:
// screen_name under `core`, TweetWithVisibilityResults, note_tweet, retweeted_status_result).
TEST_CASE("x graphql: the account, a timeline with a pin, a long post, a repost, a quote and a tombstone", "[x][shapes][graphql]") {
  auto sample = [](const std::string& url, const std::string& file) {
    return parse_as(url, "application/json", test::read_text(test::source_dir() / "samples/sites/x.com/_api" / file));
  };
  auto user = sample("https://x.com/i/api/graphql/abc/UserByScreenName", "user_by_screen_name.json");
  REQUIRE(user.items.size() == 1);
  const Item& account = user.items[0];
  CHECK(account.id == "x:account:janeexample");
  CHECK(account.text == "Gardener and ink drawer. Seeds: https://jane.example/seeds");
  CHECK(has_field(account, "location", "Springfield"));
  CHECK(has_field(account, "website", "https://jane.example/"));
  CHECK(has_field(account, "joined", "2011-04-02T10:00:00Z"));

  auto timeline = sample("https://x.com/i/api/graphql/abc/UserTweets", "user_tweets.json");
  CHECK(timeline.errors.empty());
  CHECK(timeline.items.size() == 6);  // the pinned post once; the tombstone and the cursors are none
  const Item* seedlings = find_item(timeline, "x:post:1785000000000000001");
  REQUIRE(seedlings != nullptr);
  CHECK(seedlings->text == "Seedlings are up! Call 202-555-0147 for spares. #garden");  // the picture's t.co link removed
  REQUIRE(seedlings->media.size() == 1);
  CHECK(seedlings->media[0].alt == "Tomato seedlings on my windowsill at 12 Elm Road");
  REQUIRE(seedlings->published_at.has_value());
  CHECK(format_rfc3339(*seedlings->published_at) == "2026-05-01T10:00:00Z");
  CHECK(seedlings->author.name == "Jane Example");
  const Item* heron = find_item(timeline, "x:post:1786000000000000002");
  REQUIRE(heron != nullptr);
  CHECK(heron->text == "Inktober practice: a heron, mostly legs. More at https://jane.example/ink");
  const Item* note = find_item(timeline, "x:post:1786100000000000004");
  REQUIRE(note != nullptr);
  CHECK(note->text.size() > 280);
  CHECK(note->text.find("Next week: sowing squash.") != std::string::npos);
  // The repost is Example Birding's post, shared by Jane; the RT wrapper is no item of its own.
  CHECK(find_item(timeline, "x:post:1786600000000000005") == nullptr);
  const Item* reposted = find_item(timeline, "x:post:1786500000000000003");
  REQUIRE(reposted != nullptr);
  CHECK(reposted->author.handle == "@examplebirding");
  CHECK(has_field(*reposted, "reposted_by", "@janeexample"));
  const Item* quote = find_item(timeline, "x:post:1786700000000000007");
  REQUIRE(quote != nullptr);
  CHECK(has_field(*quote, "quotes", "https://x.com/bobexample/status/1785900000000000006"));
  const Item* quoted = find_item(timeline, "x:post:1785900000000000006");
  REQUIRE(quoted != nullptr);
  CHECK(quoted->author.handle == "@bobexample");

  auto detail = sample("https://x.com/i/api/graphql/abc/TweetDetail", "tweet_detail.json");
  const Item* reply = find_item(detail, "x:post:1785000000000000099");
  REQUIRE(reply != nullptr);
  CHECK(reply->kind == ItemKind::comment);
  CHECK(reply->parent_id == "x:post:1785000000000000001");
  CHECK(reply->author.handle == "@bobexample");

  // A protected account's posts need an accepted follow; an unrelated `data` answer is no X answer.
  auto locked = parse_as("https://x.com/i/api/graphql/abc/UserTweets", "application/json", R"({"data": {"user": {"result": {
    "__typename": "User", "timeline": {"timeline": {"instructions": [{"type": "TimelineAddEntries", "entries": [
      {"entryId": "tweet-7", "content": {"itemContent": {"tweet_results": {"result": {"__typename": "Tweet", "rest_id": "7",
        "core": {"user_results": {"result": {"rest_id": "9", "core": {"screen_name": "locked"}, "privacy": {"protected": true}}}},
        "legacy": {"full_text": "hi", "created_at": "Wed May 01 10:00:00 +0000 2026"}}}}}}]}]}}}}}})");
  REQUIRE(locked.items.size() == 1);
  CHECK(locked.items[0].visibility == Visibility::followers);
  auto other = parse_as("https://x.com/i/api/graphql/abc/Other", "application/json", R"({"data": {"viewer": {"x": 1}}})");
  CHECK(other.items.empty());
}
