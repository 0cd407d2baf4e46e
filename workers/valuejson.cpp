#include "librarytext.h"
#include "valueinternals.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace twinrun {

namespace {

QString jsonKind(const QJsonValue& json)
{
    switch (json.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return SpecText::tr("a bool");
    case QJsonValue::Double:
        return SpecText::tr("a number");
    case QJsonValue::String:
        return SpecText::tr("a string");
    case QJsonValue::Array:
        return SpecText::tr("an array");
    case QJsonValue::Object:
        return SpecText::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return SpecText::tr("nothing");
}

// A float as JSON: a number, or "inf", "-inf", "nan" and "-0.0" (JSON has no inf or nan,
// and JSON writers, Qt's too, print -0.0 as 0).
QJsonValue floatToJson(double d)
{
    if (std::isnan(d))
        return QStringLiteral("nan");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (d == 0.0 && std::signbit(d))
        return QStringLiteral("-0.0");
    return d;
}

std::optional<double> floatFromJson(const QJsonValue& value)
{
    if (value.isDouble())
        return value.toDouble();
    const QString text = value.toString();
    if (text == u"inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-inf")
        return -std::numeric_limits<double>::infinity();
    if (text == u"nan")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"-0.0")
        return -0.0;
    return std::nullopt;
}

bool hasSurrogate(std::u32string_view text)
{
    return std::any_of(text.begin(), text.end(),
                       [](char32_t cp) { return cp >= 0xd800 && cp <= 0xdfff; });
}

std::optional<Value> valueFromJson(const QJsonValue& json, const QString& path, QString* error)
{
    const auto bad = [&](const QString& why) -> std::optional<Value> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    };
    if (!json.isObject())
        //: "type" and "value" are JSON field names: keep them as they are.
        return bad(SpecText::tr("expected an object {\"type\": ..., \"value\": ...}, got %1")
                       .arg(jsonKind(json)));
    const QJsonObject object = json.toObject();
    const QString type = object.value(QStringLiteral("type")).toString();
    const QJsonValue value = object.value(QStringLiteral("value"));
    const auto badValue = [&](const QString& expected) {
        //: "value" is a JSON field name, %1 a Python type name: keep them as they are.
        return bad(SpecText::tr("a %1 needs %2 as \"value\", got %3")
                       .arg(type, expected, jsonKind(value)));
    };
    const auto readItems = [&](Value::Items& items) {
        if (!value.isArray())
            return false;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            std::optional<Value> item =
                valueFromJson(array[i], QStringLiteral("%1[%2]").arg(path).arg(i), error);
            if (!item)
                return false;
            items.append(std::move(*item));
        }
        return true;
    };

    if (type == u"NoneType") {
        if (!value.isNull() && !value.isUndefined())
            return badValue(QStringLiteral("null"));
        return Value();
    }
    if (type == u"bool") {
        if (!value.isBool())
            //: true and false are JSON's literal values: keep them as they are.
            return badValue(SpecText::tr("true or false"));
        return Value::fromBool(value.toBool());
    }
    if (type == u"int") {
        // toInteger() answers its default for a number that is no integer within 64 bits:
        // two different defaults tell that case apart from a genuine 0 or 1.
        if (value.isDouble() && value.toInteger(0) == value.toInteger(1))
            return Value::fromInt(value.toInteger());
        if (value.isString())
            if (std::optional<Value> big = Value::fromIntText(value.toString()))
                return big;
        return badValue(SpecText::tr("an integer within 64 bits or a string of decimal digits"));
    }
    if (type == u"float") {
        if (const std::optional<double> d = floatFromJson(value))
            return Value::fromFloat(*d);
        //: "inf", "-inf", "nan" and "-0.0" are literal JSON values: keep them as they are.
        return badValue(SpecText::tr("a number or \"inf\", \"-inf\", \"nan\", \"-0.0\""));
    }
    if (type == u"complex") {
        const QJsonArray parts = value.toArray();
        const std::optional<double> re = parts.size() == 2 ? floatFromJson(parts[0]) : std::nullopt;
        const std::optional<double> im = parts.size() == 2 ? floatFromJson(parts[1]) : std::nullopt;
        if (!value.isArray() || !re || !im)
            //: "inf", "-inf", "nan" and "-0.0" are literal JSON values: keep them as they are.
            return badValue(SpecText::tr("[real, imag] (numbers or \"inf\", \"-inf\", \"nan\", "
                                         "\"-0.0\")"));
        return Value::fromComplex(*re, *im);
    }
    if (type == u"bytes") {
        const auto decoded = QByteArray::fromBase64Encoding(
            value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!value.isString() || !decoded)
            return badValue(SpecText::tr("a base64 string"));
        return Value::fromBytes(*decoded);
    }
    if (type == u"ellipsis") {
        if (!value.isNull() && !value.isUndefined())
            return badValue(QStringLiteral("null"));
        return Value::ellipsis();
    }
    if (type == u"str") {
        if (value.isString())
            return Value::fromStr(value.toString());
        // Text with a surrogate travels as its code points: UTF-16 would join a split pair.
        std::u32string codePoints;
        const QJsonArray array = value.toArray();
        for (const QJsonValue& cp : array) {
            const qint64 n = cp.toInteger(-1);
            if (!cp.isDouble() || n < 0 || n > 0x10ffff)
                break;
            codePoints += char32_t(n);
        }
        if (!value.isArray() || qsizetype(codePoints.size()) != array.size())
            return badValue(SpecText::tr("a string or an array of code points"));
        return Value::fromCodePoints(std::move(codePoints));
    }
    if (type == u"tuple" || type == u"list" || type == u"set") {
        Value::Items items;
        if (!value.isArray())
            return badValue(SpecText::tr("an array"));
        if (!readItems(items))
            return std::nullopt;
        if (type == u"set")
            return Value::set(std::move(items));
        return type == u"tuple" ? Value::tuple(std::move(items)) : Value::list(std::move(items));
    }
    if (type == u"dict") {
        if (!value.isArray())
            return badValue(SpecText::tr("an array of [key, value] pairs"));
        const QJsonArray array = value.toArray();
        Value::Pairs pairs;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString pairPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            const QJsonArray pair = array[i].toArray();
            if (!array[i].isArray() || pair.size() != 2) {
                if (error)
                    *error =
                        SpecText::tr("%1: a dict item must be a [key, value] array").arg(pairPath);
                return std::nullopt;
            }
            std::optional<Value> key =
                valueFromJson(pair[0], pairPath + QStringLiteral("[0]"), error);
            if (!key)
                return std::nullopt;
            std::optional<Value> item =
                valueFromJson(pair[1], pairPath + QStringLiteral("[1]"), error);
            if (!item)
                return std::nullopt;
            pairs.append({std::move(*key), std::move(*item)});
        }
        return Value::dict(std::move(pairs));
    }
    if (!object.contains(QStringLiteral("type")))
        //: "type" is a JSON field name: keep it as it is.
        return bad(SpecText::tr("the object has no \"type\""));
    //: The type names are Python's: keep them as they are.
    return bad(SpecText::tr("unknown type %1 (expected int, float, complex, str, bytes, bool, "
                            "NoneType, ellipsis, tuple, list, dict or set)")
                   .arg(reprString(type)));
}

} // namespace

QJsonValue Value::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("type"), typeName());
    QJsonValue value;
    const auto itemsToJson = [](const Items& items) {
        QJsonArray array;
        for (const Value& item : items)
            array.append(item.toJson());
        return array;
    };
    switch (m_type) {
    case Type::None:
    case Type::Ellipsis:
        value = QJsonValue(QJsonValue::Null);
        break;
    case Type::Bool:
        value = toBool();
        break;
    case Type::Int:
        if (isBigInt())
            value = intText();
        else
            value = static_cast<qint64>(toInt());
        break;
    case Type::Float:
        value = floatToJson(toFloat());
        break;
    case Type::Complex:
        value = QJsonArray{floatToJson(real()), floatToJson(imag())};
        break;
    case Type::Str:
        if (hasSurrogate(codePoints())) {
            QJsonArray array;
            for (const char32_t cp : codePoints())
                array.append(qint64(cp));
            value = array;
        } else {
            value = toStr();
        }
        break;
    case Type::Bytes:
        value = QString::fromLatin1(toBytes().toBase64());
        break;
    case Type::Tuple:
    case Type::List:
    case Type::Set:
        value = itemsToJson(items());
        break;
    case Type::Dict: {
        QJsonArray array;
        for (const Pair& pair : pairs())
            array.append(QJsonArray{pair.first.toJson(), pair.second.toJson()});
        value = array;
        break;
    }
    }
    object.insert(QStringLiteral("value"), value);
    return object;
}

std::optional<Value> Value::fromJson(const QJsonValue& json, QString* error)
{
    return valueFromJson(json, QStringLiteral("$"), error);
}

} // namespace twinrun
