#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace twinrun {

// An int of any size, for the ints that do not fit 64 bits: a sign and a magnitude in base-2^32
// limbs, least significant first, without leading zero limbs. Only what values need: reading
// digits, decimal text, comparison and Python's hash.
class BigInt {
public:
    // Digits in radix 2, 8, 10 or 16 (no sign, no underscores, at least one digit).
    static BigInt fromDigits(QStringView digits, int radix);
    static BigInt fromInt64(std::int64_t value);
    // The exact integer a finite integral double holds.
    static BigInt fromDouble(double integral);

    bool isNegative() const { return m_negative; }
    bool isZero() const { return m_limbs.empty(); }
    void negate() { m_negative = !isZero() && !m_negative; }
    std::optional<std::int64_t> toInt64() const;
    double toDouble() const;                  // correctly rounded; inf beyond the double range
    std::string toDecimal() const;            // "-123"
    std::size_t decimalDigitsAtLeast() const; // a lower bound on the decimal digits, cheap
    std::uint64_t modMersenne61() const;      // |value| mod 2^61 - 1 (Python's hash modulus)

    friend bool operator==(const BigInt&, const BigInt&) = default;

private:
    bool m_negative = false;
    std::vector<std::uint32_t> m_limbs;
    void trim();
    void mulAdd(std::uint32_t factor, std::uint32_t addend);
};

} // namespace twinrun
