#include <twinrun/value.h>

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

} // namespace

Value::Value() = default;

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

Value Value::fromFloat(double d)
{
    Value v;
    v.m_type = Type::Float;
    v.m_data.emplace<double>(d);
    return v;
}

Value Value::fromStr(const QString& s)
{
    Value v;
    v.m_type = Type::Str;
    v.m_data.emplace<QString>(s);
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

bool Value::toBool() const
{
    return m_type == Type::Bool && std::get<bool>(m_data);
}

std::int64_t Value::toInt() const
{
    return m_type == Type::Int ? std::get<std::int64_t>(m_data) : 0;
}

double Value::toFloat() const
{
    if (m_type == Type::Float)
        return std::get<double>(m_data);
    if (m_type == Type::Int)
        return static_cast<double>(std::get<std::int64_t>(m_data));
    return 0.0;
}

QString Value::toStr() const
{
    return m_type == Type::Str ? std::get<QString>(m_data) : QString();
}

const Value::Items& Value::items() const
{
    if (m_type == Type::Tuple || m_type == Type::List)
        return *std::get<std::shared_ptr<Items>>(m_data);
    return noItems();
}

const Value::Pairs& Value::pairs() const
{
    if (m_type == Type::Dict)
        return *std::get<std::shared_ptr<Pairs>>(m_data);
    return noPairs();
}

QString Value::str() const
{
    return m_type == Type::Str ? toStr() : repr();
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
    case Type::Bool:
        return toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case Type::Int:
        return QString::number(static_cast<qint64>(toInt()));
    case Type::Float:
        return formatFloat(toFloat());
    case Type::Str:
        return reprString(toStr());
    case Type::Tuple:
        // A one-item tuple needs its comma to read back as a tuple.
        return u'(' + joined(items()) +
               (items().size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
    case Type::List:
        return u'[' + joined(items()) + u']';
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
    case Type::Bool:
        return QStringLiteral("bool");
    case Type::Int:
        return QStringLiteral("int");
    case Type::Float:
        return QStringLiteral("float");
    case Type::Str:
        return QStringLiteral("str");
    case Type::Tuple:
        return QStringLiteral("tuple");
    case Type::List:
        return QStringLiteral("list");
    case Type::Dict:
        return QStringLiteral("dict");
    }
    return QString();
}

// Structural: same type and equal value, so 1 != 1.0 and True != 1 (unlike Python), while
// nan == nan (unlike Python) and 0.0 == -0.0 (as in Python). Dicts compare regardless of order.
bool operator==(const Value& a, const Value& b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case Value::Type::None:
        return true;
    case Value::Type::Bool:
    case Value::Type::Int:
    case Value::Type::Str:
        return a.m_data == b.m_data;
    case Value::Type::Float: {
        const double x = a.toFloat(), y = b.toFloat();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    case Value::Type::Tuple:
    case Value::Type::List:
        return a.items() == b.items();
    case Value::Type::Dict:
        return a.pairs().size() == b.pairs().size() &&
               std::all_of(a.pairs().begin(), a.pairs().end(),
                           [&](const Value::Pair& pair) { return b.pairs().contains(pair); });
    }
    return false;
}

} // namespace twinrun
