// reports/item_credit.h — whose an item is: the scanned person's own, or someone else's that the
// person's pages show (others' comments and replies, posts of others the person shared).
//
// exposcan keeps no account graph: it knows the person by the identity (rules/identity.h), whose
// rules also read every item's author credit (fields author.name and author.handle, see
// for_each_text_field). So an item is the person's when those rules recognise the person (a name,
// handle or e-mail, never a family member's name) in its author credit, and someone else's when
// it credits an author they do not recognise. A post the person shared (reposted_by/reblogged_by
// naming an account other than its author) is its author's, whatever the identity says. An item
// that credits no author by name or handle (a page of a personal site, a profile's fields, a
// wall) sits on a page of a target the person listed as their own and nothing says anyone else
// wrote it: it counts as theirs. Where the identity recognises the person as the author of no item
// of a platform (no identity given, or the person's handle there not listed), exposcan cannot
// tell the person's items from others' there and counts them all as the person's (applied by the
// callers, which see every item of a platform: SummaryBuilder::summary() and render_letter).
// Pure; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "parsers/item.h"
#include "rules/finding.h"

namespace exposcan {

enum class ItemCredit {
  person,      // the identity rules recognise the person in the author credit
  uncredited,  // no author credit: the person's (see above)
  shared,      // someone else's post the person's account shared
  other,       // credited to an author the identity rules do not recognise
};

// Shared by someone other than its author: a person reposting their own post still owns it.
bool is_shared(const Item& item);

// `findings`: the item's findings, whose matches hold the identity rules' finds in its fields.
ItemCredit item_credit(const Item& item, std::span<const Finding* const> findings);
// True when the identity rules find the person (not a family member) in what the item says, its
// author credit aside: someone else's comment that names or tags them carries their data.
bool names_person(std::span<const Finding* const> findings);

}  // namespace exposcan
