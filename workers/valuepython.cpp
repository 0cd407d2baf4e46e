// Python's equality and hashing of values, and the order of a set's elements.

#include "valueinternals.h"

#include <algorithm>
#include <cmath>

namespace twinrun {

namespace {

constexpr std::uint64_t kModulus = (std::uint64_t(1) << 61) - 1; // Python's _PyHASH_MODULUS

bool isNumeric(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Bool:
    case Value::Type::Int:
    case Value::Type::Float:
    case Value::Type::Complex:
        return true;
    default:
        return false;
    }
}

// An int or bool as a BigInt, for exact comparisons.
BigInt integerOf(const Value& v)
{
    if (const BigInt* big = ValueInternals::bigInt(v))
        return *big;
    return BigInt::fromInt64(v.type() == Value::Type::Bool ? (v.toBool() ? 1 : 0) : v.toInt());
}

// Python compares an int with a float exactly, not through a rounded conversion.
bool realsEqual(const Value& a, const Value& b)
{
    const bool aFloat = a.type() != Value::Type::Bool && a.type() != Value::Type::Int;
    const bool bFloat = b.type() != Value::Type::Bool && b.type() != Value::Type::Int;
    if (!aFloat && !bFloat)
        return integerOf(a) == integerOf(b);
    if (aFloat && bFloat)
        return a.toFloat() == b.toFloat();
    const double f = aFloat ? a.toFloat() : b.toFloat();
    if (!std::isfinite(f) || std::trunc(f) != f)
        return false;
    return BigInt::fromDouble(f) == integerOf(aFloat ? b : a);
}

bool numbersEqual(const Value& a, const Value& b)
{
    const auto imagOf = [](const Value& v) {
        return v.type() == Value::Type::Complex ? v.imag() : 0.0;
    };
    if (imagOf(a) != imagOf(b))
        return false;
    const auto realPart = [](const Value& v) {
        return v.type() == Value::Type::Complex ? Value::fromFloat(v.real()) : v;
    };
    return realsEqual(realPart(a), realPart(b));
}

std::int64_t finishHash(std::uint64_t x, bool negative)
{
    auto h = static_cast<std::int64_t>(x);
    if (negative)
        h = -h;
    return h == -1 ? -2 : h;
}

// CPython's _Py_HashDouble for a finite double.
std::int64_t hashFloat(double v)
{
    if (std::isinf(v))
        return v > 0 ? 314159 : -314159;
    int e = 0;
    double m = std::frexp(v, &e);
    const bool negative = m < 0;
    m = std::fabs(m);
    std::uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & kModulus) | x >> (61 - 28);
        m *= 268435456.0; // 2**28
        e -= 28;
        const auto y = static_cast<std::uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kModulus)
            x -= kModulus;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & kModulus) | x >> (61 - e);
    return finishHash(x, negative);
}

} // namespace

bool pythonEquals(const Value& a, const Value& b)
{
    if (isNumeric(a) && isNumeric(b))
        return numbersEqual(a, b);
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Tuple:
    case Value::Type::List:
        return std::equal(a.items().begin(), a.items().end(), b.items().begin(), b.items().end(),
                          pythonEquals);
    case Value::Type::Set:
        return a.items().size() == b.items().size() &&
               std::all_of(a.items().begin(), a.items().end(), [&](const Value& x) {
                   return std::any_of(b.items().begin(), b.items().end(),
                                      [&](const Value& y) { return pythonEquals(x, y); });
               });
    case Value::Type::Dict:
        return a.pairs().size() == b.pairs().size() &&
               std::all_of(a.pairs().begin(), a.pairs().end(), [&](const Value::Pair& x) {
                   return std::any_of(b.pairs().begin(), b.pairs().end(),
                                      [&](const Value::Pair& y) {
                                          return pythonEquals(x.first, y.first) &&
                                                 pythonEquals(x.second, y.second);
                                      });
               });
    default:
        return a == b;
    }
}

bool isHashable(const Value& v)
{
    switch (v.type()) {
    case Value::Type::List:
    case Value::Type::Dict:
    case Value::Type::Set:
        return false;
    case Value::Type::Tuple:
        return std::all_of(v.items().begin(), v.items().end(), isHashable);
    default:
        return true;
    }
}

std::optional<std::int64_t> fixedHash(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Bool:
        return v.toBool() ? 1 : 0;
    case Value::Type::Int: {
        if (const BigInt* big = ValueInternals::bigInt(v))
            return finishHash(big->modMersenne61(), big->isNegative());
        const std::int64_t i = v.toInt();
        const std::uint64_t magnitude =
            i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
        return finishHash(magnitude % kModulus, i < 0);
    }
    case Value::Type::Float:
        if (std::isnan(v.toFloat()))
            return std::nullopt;
        return hashFloat(v.toFloat());
    case Value::Type::Complex: {
        if (std::isnan(v.real()) || std::isnan(v.imag()))
            return std::nullopt;
        const auto h = static_cast<std::uint64_t>(hashFloat(v.real())) +
                       1000003u * static_cast<std::uint64_t>(hashFloat(v.imag()));
        const auto signedHash = static_cast<std::int64_t>(h);
        return signedHash == -1 ? -2 : signedHash;
    }
    case Value::Type::Tuple: {
        // CPython 3.8+'s xxHash-based tuple hash.
        constexpr std::uint64_t prime1 = 11400714785074694791ULL;
        constexpr std::uint64_t prime2 = 14029467366897019727ULL;
        constexpr std::uint64_t prime5 = 2870177450012600261ULL;
        std::uint64_t acc = prime5;
        for (const Value& item : v.items()) {
            const std::optional<std::int64_t> lane = fixedHash(item);
            if (!lane)
                return std::nullopt;
            acc += static_cast<std::uint64_t>(*lane) * prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= prime1;
        }
        acc += std::uint64_t(v.items().size()) ^ (prime5 ^ 3527539UL);
        if (acc == std::uint64_t(-1))
            return 1546275796;
        return static_cast<std::int64_t>(acc);
    }
    default:
        return std::nullopt;
    }
}

Value::Items setElements(const Value::Items& items)
{
    // Python's set(items): each element added in turn, an equal one already there wins.
    Value::Items unique;
    QList<std::int64_t> hashes;
    bool allFixed = true;
    for (const Value& item : items) {
        if (std::any_of(unique.begin(), unique.end(),
                        [&](const Value& u) { return pythonEquals(u, item); }))
            continue;
        const std::optional<std::int64_t> hash = fixedHash(item);
        allFixed = allFixed && hash.has_value();
        unique.append(item);
        hashes.append(hash.value_or(0));
    }
    if (!allFixed)
        return unique;

    // CPython's setobject.c: open addressing, 9 linear probes then perturbation, a table
    // that starts at 8 cells and grows to 4 * used once it is 3/5 full; iteration is slot order.
    constexpr std::size_t kLinearProbes = 9;
    constexpr int kPerturbShift = 5;
    std::vector<qsizetype> table(8, -1); // slot -> index into unique
    const auto insertClean = [&](std::vector<qsizetype>& cells, qsizetype index) {
        const std::size_t mask = cells.size() - 1;
        std::size_t perturb = static_cast<std::size_t>(hashes[index]);
        std::size_t i = perturb & mask;
        for (;;) {
            const std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
            for (std::size_t j = 0; j <= probes; ++j) {
                if (cells[i + j] < 0) {
                    cells[i + j] = index;
                    return;
                }
            }
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & mask;
        }
    };
    std::size_t fill = 0;
    for (qsizetype index = 0; index < unique.size(); ++index) {
        insertClean(table, index);
        ++fill;
        const std::size_t mask = table.size() - 1;
        if (fill * 5 < mask * 3)
            continue;
        const std::size_t minUsed = fill > 50000 ? fill * 2 : fill * 4;
        std::size_t size = 8;
        while (size <= minUsed)
            size <<= 1;
        std::vector<qsizetype> grown(size, -1);
        for (qsizetype old : table)
            if (old >= 0)
                insertClean(grown, old);
        table.swap(grown);
    }
    Value::Items ordered;
    for (qsizetype index : table)
        if (index >= 0)
            ordered.append(unique[index]);
    return ordered;
}

} // namespace twinrun
