// store/schema.h — the state file's layout and its forward migrations.
//
// The version lives in `PRAGMA user_version`; `PRAGMA application_id` marks the file as exposcan's
// so a foreign SQLite database is refused rather than altered. Migration N takes a file from
// version N-1 to N; a new file runs them all. They run in one IMMEDIATE transaction that re-reads
// the version first, so two processes opening an old file at once migrate it exactly once.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/expected.h"

namespace exposcan::sql {
class Db;
}

namespace exposcan {

inline constexpr int k_schema_version = 4;
inline constexpr int32_t k_application_id = 0x45585053;  // "EXPS"

// Applies the migrations from the file's version up to `target` (tests build old files with
// target < k_schema_version). Errors: code "store".
Status migrate(sql::Db& db, int target = k_schema_version);

}  // namespace exposcan
