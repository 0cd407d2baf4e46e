#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <QJsonValue>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <variant>

namespace twinrun {

class Value;

struct ValueParseResult;

// A Python value as ast.literal_eval reads it and str()/repr() print it.
// Scalars: None, bool, int (64-bit), float, str. Containers: tuple, list, dict
// (dict keeps insertion order, like Python 3.7+). Values are immutable and cheap to copy.
class TWINRUN_WORKERS_EXPORT Value {
public:
    enum class Type { None, Bool, Int, Float, Str, Tuple, List, Dict };
    using Items = QList<Value>;
    using Pair = std::pair<Value, Value>;
    using Pairs = QList<Pair>;

    Value(); // None
    static Value none() { return Value(); }
    static Value fromBool(bool b);
    static Value fromInt(std::int64_t i);
    static Value fromFloat(double d);
    static Value fromStr(const QString& s);
    static Value tuple(Items items);
    static Value list(Items items);
    static Value dict(Pairs pairs);

    // Reads one Python literal the way PARITY.md says: ast.literal_eval for literals
    // (int, float, str with escapes and prefixes r/u, True/False/None, tuple/list/dict,
    // unary +/-), a bare word that is not a literal is a str as typed. Refused with a
    // message: text starting with a quote that is not one complete string literal, an int
    // outside 64 bits, and a bracketed container that does not parse.
    static ValueParseResult parse(const QString& text);

    Type type() const { return m_type; }
    bool isNone() const { return m_type == Type::None; }
    bool isNumber() const { return m_type == Type::Int || m_type == Type::Float; }

    bool toBool() const;        // the bool, for Type::Bool
    std::int64_t toInt() const; // the int, for Type::Int
    double toFloat() const;     // the float, or the int converted, for numbers
    QString toStr() const;      // the str, for Type::Str
    const Items& items() const; // for Tuple and List
    const Pairs& pairs() const; // for Dict

    QString str() const;      // Python str(value)
    QString repr() const;     // Python repr(value)
    QString typeName() const; // "int", "float", "str", "bool", "NoneType", "tuple", "list", "dict"
    QString className() const { return QStringLiteral("<class '%1'>").arg(typeName()); }

    // Typed JSON: {"type": "<typeName>", "value": ...}. Ints are JSON integers, floats JSON
    // numbers (or "inf", "-inf", "nan", and "-0.0" since JSON writers print -0.0 as 0),
    // containers arrays (dict: array of [key, value]).
    QJsonValue toJson() const;
    static std::optional<Value> fromJson(const QJsonValue& json, QString* error = nullptr);

    static QString typeName(Type t);
    // Structural: same type and equal value, so 1 != 1.0 and True != 1 (unlike Python);
    // nan == nan, 0.0 == -0.0; dicts compare regardless of order.
    friend TWINRUN_WORKERS_EXPORT bool operator==(const Value& a, const Value& b);

private:
    Type m_type = Type::None;
    std::variant<std::monostate, bool, std::int64_t, double, QString, std::shared_ptr<Items>,
                 std::shared_ptr<Pairs>>
        m_data;
};

struct TWINRUN_WORKERS_EXPORT ValueParseResult {
    std::optional<Value> value;
    QString error; // when !value: what is wrong, naming the input and what was expected
    explicit operator bool() const { return value.has_value(); }
};

// Python's repr() of a float: shortest round-trip digits, exponent form below 1e-4 and
// from 1e16 on ("1e+16", "1e-05"), ".0" on integral values, "inf", "-inf", "nan".
TWINRUN_WORKERS_EXPORT QString formatFloat(double d);

// Python's repr() of a str: single quotes unless the text has ' and no ", escapes for
// \\, the quote, \n \r \t, other non-printable characters as \xNN, \uNNNN, \UNNNNNNNN.
TWINRUN_WORKERS_EXPORT QString reprString(const QString& s);

} // namespace twinrun
