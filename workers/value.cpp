#include "valueinternals.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace twinrun {

namespace {

const Value::Items& noItems()
{
    static const Value::Items empty;
    return empty;
}

const Value::Pairs& noPairs()
{
    static const Value::Pairs empty;
    return empty;
}

const std::u32string& noText()
{
    static const std::u32string empty;
    return empty;
}

QString intLimitMessage()
{
    return QStringLiteral("Exceeds the limit (%1 digits) for integer string conversion; use "
                          "sys.set_int_max_str_digits() to increase the limit")
        .arg(kMaxIntDigits);
}

} // namespace

Value ValueInternals::fromBigInt(const BigInt& i)
{
    if (const std::optional<std::int64_t> small = i.toInt64())
        return Value::fromInt(*small);
    Value v;
    v.m_type = Value::Type::Int;
    v.m_data = std::make_shared<const BigInt>(i);
    return v;
}

Value::Value() = default;

Value Value::ellipsis()
{
    Value v;
    v.m_type = Type::Ellipsis;
    return v;
}

Value Value::fromBool(bool b)
{
    Value v;
    v.m_type = Type::Bool;
    v.m_data.emplace<bool>(b);
    return v;
}

Value Value::fromInt(std::int64_t i)
{
    Value v;
    v.m_type = Type::Int;
    v.m_data.emplace<std::int64_t>(i);
    return v;
}

std::optional<Value> Value::fromIntText(QStringView decimal)
{
    const bool negative = decimal.startsWith(u'-');
    const QStringView digits = decimal.sliced(negative ? 1 : 0);
    if (digits.isEmpty() || !std::all_of(digits.begin(), digits.end(),
                                         [](QChar c) { return c.isDigit() && c < u'\x80'; }))
        return std::nullopt;
    BigInt i = BigInt::fromDigits(digits, 10);
    if (negative)
        i.negate();
    return ValueInternals::fromBigInt(i);
}

Value Value::fromFloat(double d)
{
    Value v;
    v.m_type = Type::Float;
    v.m_data.emplace<double>(d);
    return v;
}

Value Value::fromComplex(double real, double imag)
{
    Value v;
    v.m_type = Type::Complex;
    v.m_data.emplace<Complex>(Complex{real, imag});
    return v;
}

Value Value::fromStr(const QString& s)
{
    return fromCodePoints(toCodePoints(s));
}

Value Value::fromCodePoints(std::u32string codePoints)
{
    Value v;
    v.m_type = Type::Str;
    v.m_data = std::make_shared<const std::u32string>(std::move(codePoints));
    return v;
}

Value Value::fromBytes(QByteArray bytes)
{
    Value v;
    v.m_type = Type::Bytes;
    v.m_data = std::move(bytes);
    return v;
}

Value Value::tuple(Items items)
{
    Value v;
    v.m_type = Type::Tuple;
    v.m_data = std::make_shared<Items>(std::move(items));
    return v;
}

Value Value::list(Items items)
{
    Value v;
    v.m_type = Type::List;
    v.m_data = std::make_shared<Items>(std::move(items));
    return v;
}

Value Value::dict(Pairs pairs)
{
    Value v;
    v.m_type = Type::Dict;
    v.m_data = std::make_shared<Pairs>(std::move(pairs));
    return v;
}

Value Value::set(Items items)
{
    Value v;
    v.m_type = Type::Set;
    v.m_data = std::make_shared<Items>(setElements(items));
    return v;
}

const BigInt* Value::bigInt() const
{
    const auto* big = std::get_if<std::shared_ptr<const BigInt>>(&m_data);
    return big ? big->get() : nullptr;
}

bool Value::isBigInt() const
{
    return bigInt() != nullptr;
}

bool Value::toBool() const
{
    return m_type == Type::Bool && std::get<bool>(m_data);
}

std::int64_t Value::toInt() const
{
    const auto* i = std::get_if<std::int64_t>(&m_data);
    return m_type == Type::Int && i ? *i : 0;
}

double Value::toFloat() const
{
    if (m_type == Type::Float)
        return std::get<double>(m_data);
    if (const BigInt* big = bigInt())
        return big->toDouble();
    if (m_type == Type::Int)
        return static_cast<double>(std::get<std::int64_t>(m_data));
    if (m_type == Type::Complex)
        return std::get<Complex>(m_data).real;
    return 0.0;
}

double Value::real() const
{
    return toFloat();
}

double Value::imag() const
{
    return m_type == Type::Complex ? std::get<Complex>(m_data).imag : 0.0;
}

std::u32string_view Value::codePoints() const
{
    return m_type == Type::Str ? *std::get<std::shared_ptr<const std::u32string>>(m_data)
                               : noText();
}

QString Value::toStr() const
{
    return twinrun::fromCodePoints(codePoints());
}

QByteArray Value::toBytes() const
{
    return m_type == Type::Bytes ? std::get<QByteArray>(m_data) : QByteArray();
}

const Value::Items& Value::items() const
{
    if (m_type == Type::Tuple || m_type == Type::List || m_type == Type::Set)
        return *std::get<std::shared_ptr<Items>>(m_data);
    return noItems();
}

const Value::Pairs& Value::pairs() const
{
    if (m_type == Type::Dict)
        return *std::get<std::shared_ptr<Pairs>>(m_data);
    return noPairs();
}

QString Value::intText() const
{
    if (const BigInt* big = bigInt())
        return QString::fromLatin1(big->toDecimal());
    return QString::number(static_cast<qint64>(toInt()));
}

QString Value::str() const
{
    return m_type == Type::Str ? toStr() : repr();
}

std::u32string Value::strCodePoints() const
{
    return m_type == Type::Str ? std::u32string(codePoints()) : toCodePoints(repr());
}

std::optional<PythonError> Value::strError() const
{
    if (const BigInt* big = bigInt()) {
        if (big->decimalDigitsAtLeast() > kMaxIntDigits ||
            big->toDecimal().size() - (big->isNegative() ? 1 : 0) > kMaxIntDigits)
            return PythonError{QStringLiteral("ValueError"), intLimitMessage()};
    }
    for (const Value& item : items())
        if (std::optional<PythonError> e = item.strError())
            return e;
    for (const Pair& pair : pairs()) {
        if (std::optional<PythonError> e = pair.first.strError())
            return e;
        if (std::optional<PythonError> e = pair.second.strError())
            return e;
    }
    return std::nullopt;
}

QString Value::repr() const
{
    const auto joined = [](const Items& items) {
        QStringList parts;
        for (const Value& item : items)
            parts << item.repr();
        return parts.join(QStringLiteral(", "));
    };
    switch (m_type) {
    case Type::None:
        return QStringLiteral("None");
    case Type::Ellipsis:
        return QStringLiteral("Ellipsis");
    case Type::Bool:
        return toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case Type::Int:
        return intText();
    case Type::Float:
        return formatFloat(toFloat());
    case Type::Complex:
        return formatComplex(real(), imag());
    case Type::Str:
        return reprString(codePoints());
    case Type::Bytes:
        return reprBytes(toBytes());
    case Type::Tuple:
        // A one-item tuple needs its comma to read back as a tuple.
        return u'(' + joined(items()) +
               (items().size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
    case Type::List:
        return u'[' + joined(items()) + u']';
    case Type::Set:
        return items().isEmpty() ? QStringLiteral("set()") : u'{' + joined(items()) + u'}';
    case Type::Dict: {
        QStringList parts;
        for (const Pair& pair : pairs())
            parts << pair.first.repr() + QStringLiteral(": ") + pair.second.repr();
        return u'{' + parts.join(QStringLiteral(", ")) + u'}';
    }
    }
    return QString();
}

QString Value::typeName() const
{
    return typeName(m_type);
}

QString Value::typeName(Type t)
{
    switch (t) {
    case Type::None:
        return QStringLiteral("NoneType");
    case Type::Ellipsis:
        return QStringLiteral("ellipsis");
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::Int:
        return QStringLiteral("int");
    case Type::Float:
        return QStringLiteral("float");
    case Type::Complex:
        return QStringLiteral("complex");
    case Type::Str:
        return QStringLiteral("str");
    case Type::Bytes:
        return QStringLiteral("bytes");
    case Type::Tuple:
        return QStringLiteral("tuple");
    case Type::List:
        return QStringLiteral("list");
    case Type::Dict:
        return QStringLiteral("dict");
    case Type::Set:
        return QStringLiteral("set");
    }
    return QString();
}

// Structural: same type and equal value, so 1 != 1.0 and True != 1 (unlike Python), while
// nan == nan (unlike Python) and 0.0 == -0.0 (as in Python). Dicts and sets compare regardless
// of order.
bool operator==(const Value& a, const Value& b)
{
    if (a.m_type != b.m_type)
        return false;
    const auto sameFloat = [](double x, double y) {
        return x == y || (std::isnan(x) && std::isnan(y));
    };
    switch (a.m_type) {
    case Value::Type::None:
    case Value::Type::Ellipsis:
        return true;
    case Value::Type::Int: {
        const BigInt* x = a.bigInt();
        const BigInt* y = b.bigInt();
        if (x || y)
            return x && y && *x == *y;
        return a.toInt() == b.toInt();
    }
    case Value::Type::Bool:
        return a.toBool() == b.toBool();
    case Value::Type::Str:
        return a.codePoints() == b.codePoints();
    case Value::Type::Bytes:
        return a.toBytes() == b.toBytes();
    case Value::Type::Float:
        return sameFloat(a.toFloat(), b.toFloat());
    case Value::Type::Complex:
        return sameFloat(a.real(), b.real()) && sameFloat(a.imag(), b.imag());
    case Value::Type::Tuple:
    case Value::Type::List:
        return a.items() == b.items();
    case Value::Type::Set:
        return a.items().size() == b.items().size() &&
               std::all_of(a.items().begin(), a.items().end(),
                           [&](const Value& item) { return b.items().contains(item); });
    case Value::Type::Dict:
        return a.pairs().size() == b.pairs().size() &&
               std::all_of(a.pairs().begin(), a.pairs().end(),
                           [&](const Value::Pair& pair) { return b.pairs().contains(pair); });
    }
    return false;
}

} // namespace twinrun
