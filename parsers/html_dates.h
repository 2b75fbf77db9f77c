// parsers/html_dates.h — published/updated dates as found in web metadata, normalised to UTC.
//
// Accepts what core/time.h parse_datetime does (ISO 8601 / RFC 3339 with or without 'T', zone or
// fraction; RFC 822/1123/850; asctime) plus common variants seen in pages: "2024/05/01",
// "2024-05-01T10:00:00.123456+0200", "2024-05-01 10:00:00 UTC", a trailing "Z" after an offset-less
// fractional time, "May 1, 2024", "1 May 2024 10:00". Values without a zone are taken as UTC.
#pragma once

#include <optional>
#include <string_view>

#include "core/time.h"

namespace exposcan {

std::optional<TimePoint> normalize_datetime(std::string_view text);

}  // namespace exposcan
