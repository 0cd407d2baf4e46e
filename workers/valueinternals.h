#pragma once

// Private to the value code: what value.cpp, the parser and the JSON reader share.

#include "bigint.h"

#include <twinrun/value.h>

#include <cstdint>
#include <optional>

namespace twinrun {

class ValueInternals {
public:
    static const BigInt* bigInt(const Value& v) { return v.bigInt(); }
    // The int, kept in 64 bits when it fits.
    static Value fromBigInt(const BigInt& i);
};

// Python's ==, as set elements and dict keys use it: 1 == 1.0 == True == (1+0j).
bool pythonEquals(const Value& a, const Value& b);
// Whether Python can hash it (no list, dict or set inside).
bool isHashable(const Value& v);
// Python's hash(v) when Python fixes it for every run: numbers (not nan), bools and tuples of
// them. Nothing for str and bytes (randomised), None, Ellipsis and nan (hashed by address).
std::optional<std::int64_t> fixedHash(const Value& v);
// The elements of Python's set(items) in the order Value::set() documents.
Value::Items setElements(const Value::Items& items);

// Python's formatting pieces: repr of bytes, complex, and a float as complex parts print it
// (no ".0", and with Py_DTSF_SIGN a sign always).
QString reprBytes(const QByteArray& bytes);
QString formatComplex(double real, double imag);
QString formatFloatPart(double d, bool withSign);

// Python's limit on int <-> decimal text (sys.get_int_max_str_digits()).
inline constexpr std::size_t kMaxIntDigits = 4300;

} // namespace twinrun
