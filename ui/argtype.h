#pragma once

#include <twinrun/value.h>

#include <QString>
#include <QStringList>

namespace twinrun {

// The type a launch form row declares for its value. Scalars are checked against what the
// text parses to, so "1.5" in an int row is an error rather than a silent float; "literal"
// takes any Python literal, which is how tuples, lists and dicts are entered.
enum class ArgType { Int, Float, Str, Bool, None, Literal };

QStringList argTypeNames(); // in enum order: "int", "float", "str", "bool", "None", "literal"
QString argTypeName(ArgType type);

// The row type that shows a value best, and the text to put in the row.
ArgType argTypeOf(const Value& value);
QString argTextOf(const Value& value);

// The row type a parameter suggests: its first declared type, "str" when it takes anything.
ArgType argTypeFor(const QList<Value::Type>& declared);

// Reads a row. "str" takes the text as typed (no quotes needed); "None" ignores the text;
// int, float and bool parse the text as a Python literal and check the type it gives (an int
// is accepted as a float, as Python accepts 2 where 2.0 is meant).
ValueParseResult parseArg(ArgType type, const QString& text);

} // namespace twinrun
