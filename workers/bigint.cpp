#include "bigint.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace twinrun {

namespace {

int digitOf(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    return (u | 0x20) - u'a' + 10;
}

} // namespace

void BigInt::trim()
{
    while (!m_limbs.empty() && m_limbs.back() == 0)
        m_limbs.pop_back();
    if (m_limbs.empty())
        m_negative = false;
}

void BigInt::mulAdd(std::uint32_t factor, std::uint32_t addend)
{
    std::uint64_t carry = addend;
    for (std::uint32_t& limb : m_limbs) {
        const std::uint64_t product = std::uint64_t(limb) * factor + carry;
        limb = static_cast<std::uint32_t>(product);
        carry = product >> 32;
    }
    if (carry)
        m_limbs.push_back(static_cast<std::uint32_t>(carry));
}

BigInt BigInt::fromDigits(QStringView digits, int radix)
{
    BigInt result;
    if (radix == 10) {
        // Nine digits at a time: one multiply-add per chunk.
        qsizetype i = 0;
        const qsizetype first = digits.size() % 9;
        while (i < digits.size()) {
            const qsizetype chunk = i == 0 && first ? first : 9;
            std::uint32_t value = 0, scale = 1;
            for (qsizetype k = 0; k < chunk; ++k, ++i) {
                value = value * 10 + digitOf(digits[i]);
                scale *= 10;
            }
            result.mulAdd(scale, value);
        }
    } else {
        // A power of two: the bits are laid down directly, linear in the digits.
        const int bits = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        std::size_t bit = 0;
        for (qsizetype i = digits.size() - 1; i >= 0; --i, bit += bits) {
            const std::uint64_t d = digitOf(digits[i]);
            const std::size_t limb = bit / 32, shift = bit % 32;
            if (result.m_limbs.size() < limb + 2)
                result.m_limbs.resize(limb + 2, 0);
            const std::uint64_t placed = d << shift;
            result.m_limbs[limb] |= static_cast<std::uint32_t>(placed);
            result.m_limbs[limb + 1] |= static_cast<std::uint32_t>(placed >> 32);
        }
    }
    result.trim();
    return result;
}

BigInt BigInt::fromInt64(std::int64_t value)
{
    BigInt result;
    std::uint64_t magnitude =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    result.m_limbs = {static_cast<std::uint32_t>(magnitude),
                      static_cast<std::uint32_t>(magnitude >> 32)};
    result.m_negative = value < 0;
    result.trim();
    return result;
}

BigInt BigInt::fromDouble(double integral)
{
    if (std::fabs(integral) < 9223372036854775808.0)
        return fromInt64(static_cast<std::int64_t>(integral));
    int exponent = 0; // |integral| = mantissa * 2^exponent, mantissa in [0.5, 1)
    const double mantissa = std::frexp(std::fabs(integral), &exponent);
    BigInt result = fromInt64(static_cast<std::int64_t>(std::ldexp(mantissa, 53)));
    for (int i = 53; i < exponent; ++i)
        result.mulAdd(2, 0);
    result.m_negative = integral < 0;
    return result;
}

std::optional<std::int64_t> BigInt::toInt64() const
{
    if (m_limbs.size() > 2)
        return std::nullopt;
    std::uint64_t magnitude = 0;
    for (std::size_t i = m_limbs.size(); i-- > 0;)
        magnitude = (magnitude << 32) | m_limbs[i];
    const std::uint64_t limit = std::uint64_t(INT64_MAX) + (m_negative ? 1 : 0);
    if (magnitude > limit)
        return std::nullopt;
    return m_negative ? static_cast<std::int64_t>(0 - magnitude)
                      : static_cast<std::int64_t>(magnitude);
}

double BigInt::toDouble() const
{
    if (m_limbs.size() > 40) // beyond 2^1248: far beyond the double range
        return m_negative ? -HUGE_VAL : HUGE_VAL;
    return std::strtod(toDecimal().c_str(), nullptr); // strtod rounds correctly
}

std::string BigInt::toDecimal() const
{
    std::vector<std::uint32_t> limbs = m_limbs;
    std::vector<std::uint32_t> chunks; // base 10^9, least significant first
    while (!limbs.empty()) {
        std::uint64_t remainder = 0;
        for (std::size_t i = limbs.size(); i-- > 0;) {
            const std::uint64_t current = (remainder << 32) | limbs[i];
            limbs[i] = static_cast<std::uint32_t>(current / 1000000000u);
            remainder = current % 1000000000u;
        }
        chunks.push_back(static_cast<std::uint32_t>(remainder));
        while (!limbs.empty() && limbs.back() == 0)
            limbs.pop_back();
    }
    std::string out = m_negative ? "-" : "";
    if (chunks.empty())
        return "0";
    out += std::to_string(chunks.back());
    for (std::size_t i = chunks.size() - 1; i-- > 0;) {
        const std::string part = std::to_string(chunks[i]);
        out += std::string(9 - part.size(), '0') + part;
    }
    return out;
}

std::size_t BigInt::decimalDigitsAtLeast() const
{
    if (m_limbs.empty())
        return 1;
    std::size_t bits = 32 * (m_limbs.size() - 1);
    for (std::uint32_t top = m_limbs.back(); top; top >>= 1)
        ++bits;
    // 2^(bits-1) <= |v|: at least floor((bits-1) * log10(2)) + 1 digits.
    return static_cast<std::size_t>(double(bits - 1) * 0.30102999566398114) + 1;
}

std::uint64_t BigInt::modMersenne61() const
{
    constexpr std::uint64_t modulus = (std::uint64_t(1) << 61) - 1;
    std::uint64_t x = 0;
    for (std::size_t i = m_limbs.size(); i-- > 0;) {
        // x * 2^32 + limb, reduced: 2^61 == 1 (mod 2^61 - 1), so rotate within 61 bits.
        x = ((x << 32) & modulus) | (x >> 29);
        x += m_limbs[i];
        if (x >= modulus)
            x -= modulus;
    }
    return x;
}

} // namespace twinrun
