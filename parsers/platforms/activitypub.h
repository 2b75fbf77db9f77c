// parsers/platforms/activitypub.h — ActivityPub / ActivityStreams 2.0 JSON as Items (any server).
//
// Actor documents (Person, Service, Application, Group, Organization): the profile with its
// `summary`, `attachment` PropertyValue fields (Mastodon's custom profile fields, often contact
// data), icon and image; and the discoverable/indexable flags. Outbox collections and pages
// (OrderedCollection[Page] of Create/Announce activities): one Item per Note/Article/Page/Question/
// Image/Video with content, `summary` (content warning), attachments with alt text (`name`),
// hashtags, location, and visibility from the addressing: `as:Public` in `to` → public, in `cc`
// only → unlisted, the actor's followers collection → followers, else (direct) → followers (not
// public). Collection `first`/`next` become "next" links. Pure and thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "parsers/parse_output.h"
#include "scanner/page.h"

namespace exposcan {

// True for a JSON document whose "@context" names ActivityStreams, or whose type is an actor,
// activity, object or collection type.
bool looks_like_activitypub(const nlohmann::json& doc);

ParseOutput parse_activitypub_json(const Page& page);

// Visibility of an object from its `to` and `cc` addressing.
Visibility activitypub_visibility(const nlohmann::json& object);

}  // namespace exposcan
