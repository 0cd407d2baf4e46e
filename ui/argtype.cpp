#include "argtype.h"

#include <QCoreApplication>

#include <algorithm>

namespace twinrun {

QStringList argTypeNames()
{
    return {QStringLiteral("int"),  QStringLiteral("float"), QStringLiteral("str"),
            QStringLiteral("bool"), QStringLiteral("None"),  QStringLiteral("literal")};
}

QString argTypeName(ArgType type)
{
    return argTypeNames().value(static_cast<int>(type));
}

namespace {

// The argument rows' messages, in the window's language.
struct ArgText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::ArgType)
};

ValueParseResult refuse(const QString& message)
{
    return {std::nullopt, message};
}

ArgType argTypeOfType(Value::Type type)
{
    switch (type) {
    case Value::Type::None:
        return ArgType::None;
    case Value::Type::Bool:
        return ArgType::Bool;
    case Value::Type::Int:
        return ArgType::Int;
    case Value::Type::Float:
        return ArgType::Float;
    case Value::Type::Str:
        return ArgType::Str;
    case Value::Type::Tuple:
    case Value::Type::List:
    case Value::Type::Dict:
    case Value::Type::Set:
    case Value::Type::Complex:
    case Value::Type::Bytes:
    case Value::Type::Ellipsis:
        break; // typed as a literal
    }
    return ArgType::Literal;
}

} // namespace

ArgType argTypeOf(const Value& value)
{
    // A str whose surrogates a text field cannot hold apart is shown as its literal.
    const std::u32string_view text = value.codePoints();
    if (std::any_of(text.begin(), text.end(), [](char32_t cp) { return QChar::isSurrogate(cp); }))
        return ArgType::Literal;
    return argTypeOfType(value.type());
}

QString argTextOf(const Value& value)
{
    switch (argTypeOf(value)) {
    case ArgType::None:
        return {};
    case ArgType::Str:
        return value.toStr();
    default:
        return value.repr();
    }
}

ArgType argTypeFor(const QList<Value::Type>& declared)
{
    return declared.isEmpty() ? ArgType::Str : argTypeOfType(declared.first());
}

ValueParseResult parseArg(ArgType type, const QString& text)
{
    switch (type) {
    case ArgType::Str:
        return {Value::fromStr(text), {}};
    case ArgType::None:
        return {Value::none(), {}};
    default:
        break;
    }
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(type == ArgType::Literal
                          ? ArgText::tr("enter a Python literal")
                          //: %1: a Python type name (int, float, bool), kept as it is
                          : ArgText::tr("enter a value of type %1").arg(argTypeName(type)));
    ValueParseResult parsed = Value::parse(trimmed);
    if (!parsed || type == ArgType::Literal)
        return parsed;
    const Value& value = *parsed.value;
    const Value::Type got = value.type();
    if (type == ArgType::Float && got == Value::Type::Int)
        return {Value::fromFloat(value.toFloat()), {}};
    if (argTypeOfType(got) == type)
        return parsed;
    return refuse(
        //: %1 and %2: Python type names (int, str...), %3: the value as Python writes it
        (type == ArgType::Bool ? ArgText::tr("expected %1, got %2 %3 (enter True or False)")
                               : ArgText::tr("expected %1, got %2 %3"))
            .arg(argTypeName(type), value.typeName(), value.repr()));
}

} // namespace twinrun
