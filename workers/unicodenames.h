#pragma once

#include <QStringView>

#include <optional>

namespace twinrun {

// The character a \N{name} escape names, as CPython 3.11 looks it up: Unicode names (Unicode
// 14.0, as Python 3.11's database), algorithmic CJK and Hangul names, and the formal name
// aliases; case-insensitive (the hex digits of "CJK UNIFIED IDEOGRAPH-XXXX" excepted).
std::optional<char32_t> lookupUnicodeName(QStringView name);

} // namespace twinrun
