#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace twinrun {

class BigInt;
class Value;

struct ValueParseResult;

// An exception Python raises while printing a value, as its last traceback line reads:
// "<type>: <message>" (e.g. a UnicodeEncodeError for a lone surrogate).
struct TWINRUN_WORKERS_EXPORT PythonError {
    QString type;
    QString message;
};

// A Python value as ast.literal_eval reads it and str()/repr() print it: every value
// literal_eval accepts. Scalars: None, bool, int (any size), float, complex, str (code points,
// so lone surrogates stay apart as in Python), bytes, Ellipsis. Containers: tuple, list, dict
// (insertion order, like Python 3.7+) and set (see set()). Immutable and cheap to copy.
class TWINRUN_WORKERS_EXPORT Value {
public:
    enum class Type {
        None,
        Bool,
        Int,
        Float,
        Str,
        Tuple,
        List,
        Dict,
        Complex,
        Bytes,
        Set,
        Ellipsis
    };
    using Items = QList<Value>;
    using Pair = std::pair<Value, Value>;
    using Pairs = QList<Pair>;

    Value(); // None
    static Value none() { return Value(); }
    static Value ellipsis();
    static Value fromBool(bool b);
    static Value fromInt(std::int64_t i);
    // An int of any size from decimal digits with an optional '-' ("-123"); nullopt otherwise.
    static std::optional<Value> fromIntText(QStringView decimal);
    static Value fromFloat(double d);
    static Value fromComplex(double real, double imag);
    static Value fromStr(const QString& s); // a lone surrogate in s stays a lone code point
    static Value fromCodePoints(std::u32string codePoints);
    static Value fromBytes(QByteArray bytes);
    static Value tuple(Items items);
    static Value list(Items items);
    static Value dict(Pairs pairs);
    // A set: duplicates by Python equality dropped (1 == 1.0 == True, the first one kept).
    // Order: CPython's own iteration order when every element's hash is fixed by Python
    // (numbers and tuples of them); otherwise (str, bytes, None, ... whose hash Python
    // randomises or takes from an address) the order of first appearance.
    static Value set(Items items);

    // Reads one Python literal the way PARITY.md says: what ast.literal_eval accepts, with its
    // blanks (leading spaces and tabs stripped, then Python's tokenizer), is that value; other
    // text is a str exactly as typed. Refused with a message: text that opens like a string
    // literal or a container but is not one, a decimal int of more than 4300 digits, an
    // unknown \N{...} name.
    static ValueParseResult parse(const QString& text);

    Type type() const { return m_type; }
    bool isNone() const { return m_type == Type::None; }
    bool isNumber() const { return m_type == Type::Int || m_type == Type::Float; }
    bool isBigInt() const; // an int outside 64 bits

    bool toBool() const;        // the bool, for Type::Bool
    std::int64_t toInt() const; // the int, for Type::Int within 64 bits (0 otherwise)
    double toFloat() const;     // the float, or the int converted (rounded), for numbers
    double real() const;        // for Complex (and toFloat() of numbers)
    double imag() const;        // for Complex
    QString toStr() const;      // the str, for Type::Str (a split surrogate pair rejoins)
    std::u32string_view codePoints() const; // the str's code points, exactly
    QByteArray toBytes() const;             // for Type::Bytes
    const Items& items() const;             // for Tuple, List and Set
    const Pairs& pairs() const;             // for Dict
    QString intText() const;                // decimal digits of an int of any size

    QString str() const;                  // Python str(value) (text only; see strError)
    QString repr() const;                 // Python repr(value)
    std::u32string strCodePoints() const; // str() as code points: lone surrogates kept apart
    // What Python's str(value) raises instead of returning text: the ValueError for an int of
    // more than 4300 digits (str() and repr() here print every digit anyway).
    std::optional<PythonError> strError() const;
    QString typeName() const; // "int", "float", ..., "complex", "bytes", "set", "ellipsis"
    QString className() const { return QStringLiteral("<class '%1'>").arg(typeName()); }

    // Typed JSON: {"type": "<typeName>", "value": ...}. Ints are JSON integers within 64 bits
    // and decimal strings beyond; floats JSON numbers (or "inf", "-inf", "nan", "-0.0");
    // complex [real, imag] with the float rules; str a string, or an array of code points when
    // it holds a surrogate; bytes base64; Ellipsis null; containers arrays (dict: of [key,
    // value]).
    QJsonValue toJson() const;
    static std::optional<Value> fromJson(const QJsonValue& json, QString* error = nullptr);

    static QString typeName(Type t);
    // Structural: same type and equal value, so 1 != 1.0 and True != 1 (unlike Python);
    // nan == nan, 0.0 == -0.0; dicts and sets compare regardless of order.
    friend TWINRUN_WORKERS_EXPORT bool operator==(const Value& a, const Value& b);

private:
    struct Complex {
        double real;
        double imag;
    };
    Type m_type = Type::None;
    std::variant<std::monostate, bool, std::int64_t, double, Complex,
                 std::shared_ptr<const std::u32string>, QByteArray, std::shared_ptr<const BigInt>,
                 std::shared_ptr<Items>, std::shared_ptr<Pairs>>
        m_data;
    const BigInt* bigInt() const;
    friend class ValueInternals;
};

struct TWINRUN_WORKERS_EXPORT ValueParseResult {
    std::optional<Value> value;
    // When !value: what is wrong, naming the input and what was expected; in the program's
    // language when it installed a translator for twinrun::Value (the twinrun app does),
    // English otherwise; Python's own messages stay English (docs/PARITY.md).
    QString error;
    explicit operator bool() const { return value.has_value(); }
};

// Python's repr() of a float: shortest round-trip digits, exponent form below 1e-4 and
// from 1e16 on ("1e+16", "1e-05"), ".0" on integral values, "inf", "-inf", "nan".
TWINRUN_WORKERS_EXPORT QString formatFloat(double d);

// Python's repr() of a str: single quotes unless the text has ' and no ", escapes for
// \\, the quote, \n \r \t, other non-printable characters (surrogates too) as \xNN, \uNNNN,
// \UNNNNNNNN.
TWINRUN_WORKERS_EXPORT QString reprString(const QString& s);
TWINRUN_WORKERS_EXPORT QString reprString(std::u32string_view s);

// Code points and UTF-16: pairs join, a lone surrogate stays one code point / one unit.
TWINRUN_WORKERS_EXPORT std::u32string toCodePoints(QStringView s);
TWINRUN_WORKERS_EXPORT QString fromCodePoints(std::u32string_view s);

// What Python's print() raises for a line that cannot be written as UTF-8 (a lone surrogate):
// the UnicodeEncodeError with Python's message, positions counted in code points.
TWINRUN_WORKERS_EXPORT std::optional<PythonError> utf8EncodeError(std::u32string_view line);

} // namespace twinrun
