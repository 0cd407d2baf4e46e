// Values: Python literals in, Python str()/repr() out (PARITY.md, "Values").
// The expected texts in the tables were produced by python3 (ast.literal_eval, str, repr,
// type(...).__name__); the oracle tests at the end re-ask python3 live when it is installed.

#include "testmain.h"
#include <twinrun/echo.h>
#include <twinrun/value.h>
#include <twinrun/workerspec.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#include <bit>
#include <cmath>
#include <limits>
#include <string_view>

using namespace std::literals;
using twinrun::Value;

namespace {

struct LiteralRow {
    std::u16string_view input, str, repr, type;
};

// Input as typed -> python3's str(v), repr(v), type(v).__name__ where v is
// ast.literal_eval(input), or for text that is not a literal the input exactly as typed.
const LiteralRow kLiterals[] = {
    {u"1"sv, u"1"sv, u"1"sv, u"int"sv},
    {u"-7"sv, u"-7"sv, u"-7"sv, u"int"sv},
    {u"+3"sv, u"3"sv, u"3"sv, u"int"sv},
    {u"0"sv, u"0"sv, u"0"sv, u"int"sv},
    {u"00"sv, u"0"sv, u"0"sv, u"int"sv},
    {u"0_0"sv, u"0"sv, u"0"sv, u"int"sv},
    {u"-0"sv, u"0"sv, u"0"sv, u"int"sv},
    {u"0x1f"sv, u"31"sv, u"31"sv, u"int"sv},
    {u"0X1F"sv, u"31"sv, u"31"sv, u"int"sv},
    {u"0o17"sv, u"15"sv, u"15"sv, u"int"sv},
    {u"0b101"sv, u"5"sv, u"5"sv, u"int"sv},
    {u"0x_1f"sv, u"31"sv, u"31"sv, u"int"sv},
    {u"1_000"sv, u"1000"sv, u"1000"sv, u"int"sv},
    {u"1.5"sv, u"1.5"sv, u"1.5"sv, u"float"sv},
    {u".5"sv, u"0.5"sv, u"0.5"sv, u"float"sv},
    {u"5."sv, u"5.0"sv, u"5.0"sv, u"float"sv},
    {u"1e3"sv, u"1000.0"sv, u"1000.0"sv, u"float"sv},
    {u"1E-5"sv, u"1e-05"sv, u"1e-05"sv, u"float"sv},
    {u"1_0.5"sv, u"10.5"sv, u"10.5"sv, u"float"sv},
    {u"01.5"sv, u"1.5"sv, u"1.5"sv, u"float"sv},
    {u"1.e5"sv, u"100000.0"sv, u"100000.0"sv, u"float"sv},
    {u"1e999"sv, u"inf"sv, u"inf"sv, u"float"sv},
    {u"-1e999"sv, u"-inf"sv, u"-inf"sv, u"float"sv},
    {u"1e-999"sv, u"0.0"sv, u"0.0"sv, u"float"sv},
    {u"1e16"sv, u"1e+16"sv, u"1e+16"sv, u"float"sv},
    {u"1e-05"sv, u"1e-05"sv, u"1e-05"sv, u"float"sv},
    {u"1e15"sv, u"1000000000000000.0"sv, u"1000000000000000.0"sv, u"float"sv},
    {u"1e-4"sv, u"0.0001"sv, u"0.0001"sv, u"float"sv},
    {u"0.0001"sv, u"0.0001"sv, u"0.0001"sv, u"float"sv},
    {u"0.1"sv, u"0.1"sv, u"0.1"sv, u"float"sv},
    {u"-0.0"sv, u"-0.0"sv, u"-0.0"sv, u"float"sv},
    {u"1.0"sv, u"1.0"sv, u"1.0"sv, u"float"sv},
    {u"2.5e-7"sv, u"2.5e-07"sv, u"2.5e-07"sv, u"float"sv},
    {u"1.5e300"sv, u"1.5e+300"sv, u"1.5e+300"sv, u"float"sv},
    {u"123456789012345678.0"sv, u"1.2345678901234568e+17"sv, u"1.2345678901234568e+17"sv,
     u"float"sv},
    {u"5e-324"sv, u"5e-324"sv, u"5e-324"sv, u"float"sv},
    {u"1.7976931348623157e308"sv, u"1.7976931348623157e+308"sv, u"1.7976931348623157e+308"sv,
     u"float"sv},
    {u"0.30000000000000004"sv, u"0.30000000000000004"sv, u"0.30000000000000004"sv, u"float"sv},
    {u"9007199254740993"sv, u"9007199254740993"sv, u"9007199254740993"sv, u"int"sv},
    {u"9223372036854775807"sv, u"9223372036854775807"sv, u"9223372036854775807"sv, u"int"sv},
    {u"-9223372036854775808"sv, u"-9223372036854775808"sv, u"-9223372036854775808"sv, u"int"sv},
    {u"-0x8000000000000000"sv, u"-9223372036854775808"sv, u"-9223372036854775808"sv, u"int"sv},
    {u"0x7fffffffffffffff"sv, u"9223372036854775807"sv, u"9223372036854775807"sv, u"int"sv},
    {u"- 5"sv, u"-5"sv, u"-5"sv, u"int"sv},
    {u"-(5)"sv, u"-5"sv, u"-5"sv, u"int"sv},
    {u"(1)"sv, u"1"sv, u"1"sv, u"int"sv},
    {u"((2.5))"sv, u"2.5"sv, u"2.5"sv, u"float"sv},
    {u"-(9223372036854775808)"sv, u"-9223372036854775808"sv, u"-9223372036854775808"sv, u"int"sv},
    {u"'Edson'"sv, u"Edson"sv, u"'Edson'"sv, u"str"sv},
    {u"\"Edson\""sv, u"Edson"sv, u"'Edson'"sv, u"str"sv},
    {u"'it\\'s'"sv, u"it's"sv, u"\"it's\""sv, u"str"sv},
    {u"\"it's\""sv, u"it's"sv, u"\"it's\""sv, u"str"sv},
    {u"\"a\\\"b\""sv, u"a\"b"sv, u"'a\"b'"sv, u"str"sv},
    {u"'a\"b'"sv, u"a\"b"sv, u"'a\"b'"sv, u"str"sv},
    {u"'a\\'b\"c'"sv, u"a'b\"c"sv, u"'a\\'b\"c'"sv, u"str"sv},
    {u"'ção'"sv, u"ção"sv, u"'ção'"sv, u"str"sv},
    {u"'\\u00e9'"sv, u"é"sv, u"'é'"sv, u"str"sv},
    {u"'\\xe9'"sv, u"é"sv, u"'é'"sv, u"str"sv},
    {u"'😀'"sv, u"😀"sv, u"'😀'"sv, u"str"sv},
    {u"'\\U0001F600'"sv, u"😀"sv, u"'😀'"sv, u"str"sv},
    {u"'\\x00'"sv, u"\000"sv, u"'\\x00'"sv, u"str"sv},
    {u"'\\x7f'"sv, u"\177"sv, u"'\\x7f'"sv, u"str"sv},
    {u"'\\n'"sv, u"\012"sv, u"'\\n'"sv, u"str"sv},
    {u"'tab\\there'"sv, u"tab\011here"sv, u"'tab\\there'"sv, u"str"sv},
    {u"'back\\\\slash'"sv, u"back\\slash"sv, u"'back\\\\slash'"sv, u"str"sv},
    {u"'\\q'"sv, u"\\q"sv, u"'\\\\q'"sv, u"str"sv},
    {u"'\\8'"sv, u"\\8"sv, u"'\\\\8'"sv, u"str"sv},
    {u"'\\101'"sv, u"A"sv, u"'A'"sv, u"str"sv},
    {u"'\\777'"sv, u"ǿ"sv, u"'ǿ'"sv, u"str"sv},
    {u"'\\a\\b\\f\\v\\r'"sv, u"\007\010\014\013\015"sv, u"'\\x07\\x08\\x0c\\x0b\\r'"sv, u"str"sv},
    {u"r'\\n'"sv, u"\\n"sv, u"'\\\\n'"sv, u"str"sv},
    {u"R'\\d+'"sv, u"\\d+"sv, u"'\\\\d+'"sv, u"str"sv},
    {u"u'x'"sv, u"x"sv, u"'x'"sv, u"str"sv},
    {u"U'y'"sv, u"y"sv, u"'y'"sv, u"str"sv},
    {u"r'\\''"sv, u"\\'"sv, u"\"\\\\'\""sv, u"str"sv},
    {u"'a' 'b'"sv, u"ab"sv, u"'ab'"sv, u"str"sv},
    {u"'a' \"b\" 'c'"sv, u"abc"sv, u"'abc'"sv, u"str"sv},
    {u"'''tri'ple'''"sv, u"tri'ple"sv, u"\"tri'ple\""sv, u"str"sv},
    {u"'''x\"y'''"sv, u"x\"y"sv, u"'x\"y'"sv, u"str"sv},
    {u"''''a'''"sv, u"'a"sv, u"\"'a\""sv, u"str"sv},
    {u"''"sv, u""sv, u"''"sv, u"str"sv},
    {u"\"\""sv, u""sv, u"''"sv, u"str"sv},
    {u"'\\u2028'"sv, u"\u2028"sv, u"'\\u2028'"sv, u"str"sv},
    {u"'\\xa0'"sv, u"\u00A0"sv, u"'\\xa0'"sv, u"str"sv},
    {u"'\\xad'"sv, u"\u00AD"sv, u"'\\xad'"sv, u"str"sv},
    {u"'\\ue000'"sv, u"\uE000"sv, u"'\\ue000'"sv, u"str"sv},
    {u"'\\U0010ffff'"sv, u"\U0010FFFF"sv, u"'\\U0010ffff'"sv, u"str"sv},
    {u"'\\x85'"sv, u"\u0085"sv, u"'\\x85'"sv, u"str"sv},
    {u"'\\u200b'"sv, u"\u200B"sv, u"'\\u200b'"sv, u"str"sv},
    {u"'日本語'"sv, u"日本語"sv, u"'日本語'"sv, u"str"sv},
    {u"'hello world'"sv, u"hello world"sv, u"'hello world'"sv, u"str"sv},
    {u"True"sv, u"True"sv, u"True"sv, u"bool"sv},
    {u"False"sv, u"False"sv, u"False"sv, u"bool"sv},
    {u"None"sv, u"None"sv, u"None"sv, u"NoneType"sv},
    {u"(1, 2)"sv, u"(1, 2)"sv, u"(1, 2)"sv, u"tuple"sv},
    {u"(1,)"sv, u"(1,)"sv, u"(1,)"sv, u"tuple"sv},
    {u"()"sv, u"()"sv, u"()"sv, u"tuple"sv},
    {u"[]"sv, u"[]"sv, u"[]"sv, u"list"sv},
    {u"{}"sv, u"{}"sv, u"{}"sv, u"dict"sv},
    {u"[1.5, 'x\"y']"sv, u"[1.5, 'x\"y']"sv, u"[1.5, 'x\"y']"sv, u"list"sv},
    {u"{'a': None}"sv, u"{'a': None}"sv, u"{'a': None}"sv, u"dict"sv},
    {u"{'a': 1, 'b': [1, 2]}"sv, u"{'a': 1, 'b': [1, 2]}"sv, u"{'a': 1, 'b': [1, 2]}"sv, u"dict"sv},
    {u"[(1, 'a'), {'k': (None,)}]"sv, u"[(1, 'a'), {'k': (None,)}]"sv,
     u"[(1, 'a'), {'k': (None,)}]"sv, u"list"sv},
    {u"((),)"sv, u"((),)"sv, u"((),)"sv, u"tuple"sv},
    {u"[[]]"sv, u"[[]]"sv, u"[[]]"sv, u"list"sv},
    {u"{(1, 2): 'pt'}"sv, u"{(1, 2): 'pt'}"sv, u"{(1, 2): 'pt'}"sv, u"dict"sv},
    {u"{1: 'a', True: 'b', 1.0: 'c'}"sv, u"{1: 'c'}"sv, u"{1: 'c'}"sv, u"dict"sv},
    {u"{0.0: 1, -0.0: 2}"sv, u"{0.0: 2}"sv, u"{0.0: 2}"sv, u"dict"sv},
    {u"[1, 2,]"sv, u"[1, 2]"sv, u"[1, 2]"sv, u"list"sv},
    {u"{1: 2,}"sv, u"{1: 2}"sv, u"{1: 2}"sv, u"dict"sv},
    {u"1, 2"sv, u"(1, 2)"sv, u"(1, 2)"sv, u"tuple"sv},
    {u"1,"sv, u"(1,)"sv, u"(1,)"sv, u"tuple"sv},
    {u"'a', 'b'"sv, u"('a', 'b')"sv, u"('a', 'b')"sv, u"tuple"sv},
    {u"[-1e999, 1e999, -0.0]"sv, u"[-inf, inf, -0.0]"sv, u"[-inf, inf, -0.0]"sv, u"list"sv},
    {u"[True, False, None]"sv, u"[True, False, None]"sv, u"[True, False, None]"sv, u"list"sv},
    {u"(1, (2, (3, (4,))))"sv, u"(1, (2, (3, (4,))))"sv, u"(1, (2, (3, (4,))))"sv, u"tuple"sv},
    {u"{'nested': {'deep': [1, {'x': ()}]}}"sv, u"{'nested': {'deep': [1, {'x': ()}]}}"sv,
     u"{'nested': {'deep': [1, {'x': ()}]}}"sv, u"dict"sv},
    {u"1 # a comment"sv, u"1"sv, u"1"sv, u"int"sv},
    {u"[1,\012 2]"sv, u"[1, 2]"sv, u"[1, 2]"sv, u"list"sv},
    {u"'a\\\012b'"sv, u"ab"sv, u"'ab'"sv, u"str"sv},
    {u"-\\\0125"sv, u"-5"sv, u"-5"sv, u"int"sv},
    {u"  42  "sv, u"42"sv, u"42"sv, u"int"sv},
    {u"\011'padded'\012"sv, u"padded"sv, u"'padded'"sv, u"str"sv},
    {u"{'a':\012  1,\012}"sv, u"{'a': 1}"sv, u"{'a': 1}"sv, u"dict"sv},
    {u"[1, # one\012 2]"sv, u"[1, 2]"sv, u"[1, 2]"sv, u"list"sv},
    {u"Edson"sv, u"Edson"sv, u"'Edson'"sv, u"str"sv},
    {u"1.5.3"sv, u"1.5.3"sv, u"'1.5.3'"sv, u"str"sv},
    {u"01"sv, u"01"sv, u"'01'"sv, u"str"sv},
    {u"007"sv, u"007"sv, u"'007'"sv, u"str"sv},
    {u"inf"sv, u"inf"sv, u"'inf'"sv, u"str"sv},
    {u"nan"sv, u"nan"sv, u"'nan'"sv, u"str"sv},
    {u"-inf"sv, u"-inf"sv, u"'-inf'"sv, u"str"sv},
    {u"hello world"sv, u"hello world"sv, u"'hello world'"sv, u"str"sv},
    {u"true"sv, u"true"sv, u"'true'"sv, u"str"sv},
    {u"none"sv, u"none"sv, u"'none'"sv, u"str"sv},
    {u"--5"sv, u"--5"sv, u"'--5'"sv, u"str"sv},
    {u"+-5"sv, u"+-5"sv, u"'+-5'"sv, u"str"sv},
    {u"-True"sv, u"-True"sv, u"'-True'"sv, u"str"sv},
    {u"1+2"sv, u"1+2"sv, u"'1+2'"sv, u"str"sv},
    {u"1__0"sv, u"1__0"sv, u"'1__0'"sv, u"str"sv},
    {u"1_"sv, u"1_"sv, u"'1_'"sv, u"str"sv},
    {u"1e"sv, u"1e"sv, u"'1e'"sv, u"str"sv},
    {u"1e+"sv, u"1e+"sv, u"'1e+'"sv, u"str"sv},
    {u"0b102"sv, u"0b102"sv, u"'0b102'"sv, u"str"sv},
    {u"0x"sv, u"0x"sv, u"'0x'"sv, u"str"sv},
    {u"1._5"sv, u"1._5"sv, u"'1._5'"sv, u"str"sv},
    {u"Edson Silva"sv, u"Edson Silva"sv, u"'Edson Silva'"sv, u"str"sv},
    {u"f'x'"sv, u"f'x'"sv, u"\"f'x'\""sv, u"str"sv},
    {u"x'y'"sv, u"x'y'"sv, u"\"x'y'\""sv, u"str"sv},
    {u"#tag"sv, u"#tag"sv, u"'#tag'"sv, u"str"sv},
    {u"1 if 1 else 2"sv, u"1 if 1 else 2"sv, u"'1 if 1 else 2'"sv, u"str"sv},
    {u"-"sv, u"-"sv, u"'-'"sv, u"str"sv},
    {u"+"sv, u"+"sv, u"'+'"sv, u"str"sv},
    {u"ção"sv, u"ção"sv, u"'ção'"sv, u"str"sv},
    {u"😀"sv, u"😀"sv, u"'😀'"sv, u"str"sv},
    {u"a.b"sv, u"a.b"sv, u"'a.b'"sv, u"str"sv},
    {u"1,,2"sv, u"1,,2"sv, u"'1,,2'"sv, u"str"sv},
    {u"C:\\path\\file"sv, u"C:\\path\\file"sv, u"'C:\\\\path\\\\file'"sv, u"str"sv},
    {u"Hello, World"sv, u"Hello, World"sv, u"'Hello, World'"sv, u"str"sv},
    {u"it's"sv, u"it's"sv, u"\"it's\""sv, u"str"sv},
    {u""sv, u""sv, u"''"sv, u"str"sv},
    {u"   "sv, u"   "sv, u"'   '"sv, u"str"sv},
    {u"  1x"sv, u"  1x"sv, u"'  1x'"sv, u"str"sv},
    {u"\012 -1"sv, u"\012 -1"sv, u"'\\n -1'"sv, u"str"sv},
    {u"1\012 "sv, u"1\012 "sv, u"'1\\n '"sv, u"str"sv},
    {u"\0121"sv, u"1"sv, u"1"sv, u"int"sv},
    {u"\0111"sv, u"1"sv, u"1"sv, u"int"sv},
    {u"\0141"sv, u"1"sv, u"1"sv, u"int"sv},
    {u"1 # c\012"sv, u"1"sv, u"1"sv, u"int"sv},
    {u"..."sv, u"Ellipsis"sv, u"Ellipsis"sv, u"ellipsis"sv},
    {u"(..., 1)"sv, u"(Ellipsis, 1)"sv, u"(Ellipsis, 1)"sv, u"tuple"sv},
    {u"1j"sv, u"1j"sv, u"1j"sv, u"complex"sv},
    {u"1+2j"sv, u"(1+2j)"sv, u"(1+2j)"sv, u"complex"sv},
    {u"-1-2j"sv, u"(-1-2j)"sv, u"(-1-2j)"sv, u"complex"sv},
    {u"-1j"sv, u"(-0-1j)"sv, u"(-0-1j)"sv, u"complex"sv},
    {u"-0.0-0j"sv, u"(-0+0j)"sv, u"(-0+0j)"sv, u"complex"sv},
    {u"-1e999j"sv, u"(-0-infj)"sv, u"(-0-infj)"sv, u"complex"sv},
    {u"b'\\xff\\x00a'"sv, u"b'\\xff\\x00a'"sv, u"b'\\xff\\x00a'"sv, u"bytes"sv},
    {u"b'\\'\"'"sv, u"b'\\'\"'"sv, u"b'\\'\"'"sv, u"bytes"sv},
    {u"b'\\777'"sv, u"b'\\xff'"sv, u"b'\\xff'"sv, u"bytes"sv},
    {u"{3, 1, 2}"sv, u"{1, 2, 3}"sv, u"{1, 2, 3}"sv, u"set"sv},
    {u"{-1, -2, 8, 16}"sv, u"{8, 16, -1, -2}"sv, u"{8, 16, -1, -2}"sv, u"set"sv},
    {u"{1, 1.0, True}"sv, u"{1}"sv, u"{1}"sv, u"set"sv},
    {u"set()"sv, u"set()"sv, u"set()"sv, u"set"sv},
    {u"9223372036854775808"sv, u"9223372036854775808"sv, u"9223372036854775808"sv, u"int"sv},
    {u"-0x10000000000000000"sv, u"-18446744073709551616"sv, u"-18446744073709551616"sv, u"int"sv},
    {u"'\\N{EM DASH}'"sv, u"\u2014"sv, u"'\u2014'"sv, u"str"sv},
    {u"'\\N{em dash}\\N{LF}'"sv, u"\u2014\012"sv, u"'\u2014\\n'"sv, u"str"sv},
    {u"'\\N{BOM}x'"sv, u"\uFEFFx"sv, u"'\\ufeffx'"sv, u"str"sv},
    {u"'\uFEFFx'"sv, u"\uFEFFx"sv, u"'\\ufeffx'"sv, u"str"sv},
};

QString qs(std::u16string_view v)
{
    return QStringView(v).toString();
}

QByteArray tagFor(const QString& input)
{
    return twinrun::reprString(input).toUtf8();
}

constexpr double kInf = std::numeric_limits<double>::infinity();

// PARITY.md's rule for text that is no literal: refused when it opens like a string literal
// (a quote, or a prefix literal_eval can read and a quote) or like a container, else a str.
bool opensLikeLiteral(const QString& trimmed)
{
    static const QRegularExpression opening(
        QStringLiteral("^(?:(?:[rRuUbB]|[bB][rR]|[rR][bB])?['\"]|[\\[({])"));
    return opening.match(trimmed).hasMatch();
}

// The one verdict on what Value::parse made of `input`, against what Python's
// ast.literal_eval made of it (`python`: {"literal", "supported"?, "str", "repr"?, "type"}):
// an empty string when they agree, else what differs, with both sides.
QByteArray oracleMismatch(const QString& input, const QJsonObject& python)
{
    const twinrun::ValueParseResult ours = Value::parse(input);
    const QByteArray context = tagFor(input).left(200) + " -> python " +
                               QJsonDocument(python).toJson(QJsonDocument::Compact).left(300) +
                               ", ours " +
                               (ours ? ours.value->repr() : ours.error).left(300).toUtf8();
    // A field Python's side leaves out is not compared ("repr" where only str is asked).
    const auto same = [&](const char* field, const QString& ourText) {
        const QJsonValue expected = python[QLatin1String(field)];
        return expected.isUndefined() || expected.toString() == ourText;
    };
    bool agree = false;
    if (python[QStringLiteral("literal")].toBool()) {
        if (python[QStringLiteral("supported")].toBool(true))
            agree = ours && same("repr", ours.value->repr()) && same("str", ours.value->str()) &&
                    same("type", ours.value->typeName());
        else
            agree = !ours && !ours.error.isEmpty();
    } else if (opensLikeLiteral(input.trimmed())) {
        agree = !ours && !ours.error.isEmpty();
    } else {
        agree = ours && ours.value->type() == Value::Type::Str && ours.value->toStr() == input;
    }
    return agree ? QByteArray() : context;
}

bool havePython()
{
    return !QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty();
}

QJsonDocument runPython(const QString& script, const QJsonDocument& input)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(QStringLiteral("python3")),
                  {QStringLiteral("-c"), script});
    if (!process.waitForStarted(10000))
        return {};
    process.write(input.toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        qWarning().noquote() << "python3 failed:" << process.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput());
}

} // namespace

class TstValues : public QObject {
    Q_OBJECT

private slots:
    void parsesLikePython_data();
    void parsesLikePython();
    void refusals_data();
    void refusals();
    void intLimits();
    void floatReading_data();
    void floatReading();
    void formatFloat_data();
    void formatFloat();
    void formatFloatRoundTrips();
    void reprString_data();
    void reprString();
    void surrogates();
    void constructorsAndAccessors();
    void containersRepr();
    void dictKeysFollowPython();
    void equality();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonExactInt64();
    void jsonNegativeZeroAndNonFinite();
    void jsonErrors_data();
    void jsonErrors();
    void seedExample();
    void oracleLiterals();
    void oracleFloats();
    void oracleRepr();
    void deepNestingIsRefused_data();
    void deepNestingIsRefused();
    void escapedSurrogatesStayApart();
    void printingFailsLikePython();
    void jsonCarriesEveryType();
    void jsonKeepsLeadingFeff();
    void oracleNewValues();
    void oracleSetOrder();
    void oracleNameAliases();
};

void TstValues::parsesLikePython_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("str");
    QTest::addColumn<QString>("repr");
    QTest::addColumn<QString>("type");
    for (const LiteralRow& row : kLiterals)
        QTest::newRow(tagFor(qs(row.input)).constData())
            << qs(row.input) << qs(row.str) << qs(row.repr) << qs(row.type);
}

void TstValues::parsesLikePython()
{
    QFETCH(QString, input);
    QFETCH(QString, str);
    QFETCH(QString, repr);
    QFETCH(QString, type);
    const twinrun::ValueParseResult result = Value::parse(input);
    QVERIFY2(result, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.value->str(), str);
    QCOMPARE(result.value->repr(), repr);
    QCOMPARE(result.value->typeName(), type);
    QCOMPARE(result.value->className(), QStringLiteral("<class '%1'>").arg(type));
}

void TstValues::refusals_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("fragment"); // what the message says besides naming the input

    const auto row = [](const QString& input, const QString& fragment) {
        QTest::newRow(tagFor(input).constData()) << input << fragment;
    };
    const QString complete = QStringLiteral("is not one complete string literal: ");
    row(QStringLiteral("'abc"),
        complete + QStringLiteral("unterminated string starting at column 1"));
    row(QStringLiteral("\"abc"), QStringLiteral("unterminated string"));
    row(QStringLiteral("'a'x"), complete + QStringLiteral("expected ',' or the end of the text, "
                                                          "found 'x' at column 4"));
    row(QStringLiteral("'a' + 'b'"), complete);
    row(QStringLiteral("'''abc"), QStringLiteral("unterminated string"));
    row(QStringLiteral("'''a''''"), QStringLiteral("unterminated string starting at column 8"));
    row(QStringLiteral("r'\\'"), QStringLiteral("unterminated string"));
    row(QStringLiteral("'a\nb'"), QStringLiteral("unterminated string"));
    row(QStringLiteral("'a'\n'b'"), complete);
    row(QStringLiteral("'\\x4'"), QStringLiteral("truncated \\xXX escape at column 2"));
    row(QStringLiteral("'\\u12'"), QStringLiteral("truncated \\uXXXX escape"));
    row(QStringLiteral("'\\U00110000'"), QStringLiteral("illegal Unicode character"));
    row(QStringLiteral("'\\N{'"), QStringLiteral("malformed \\N character escape"));
    row(QStringLiteral("'a' b'b'"), QStringLiteral("cannot be concatenated"));
    row(QStringLiteral("'x' f'y'"), QStringLiteral("f-string"));
    row(QStringLiteral("u'abc"), QStringLiteral("unterminated string"));
    row(QStringLiteral("'a', 'b"), QStringLiteral("unterminated string starting at column 6"));

    row(QStringLiteral("'\\N{NOPE}'"),
        complete + QStringLiteral("(unicode error) 'unicodeescape' codec can't decode bytes in "
                                  "position 0-7: unknown Unicode character name"));
    row(QStringLiteral("'é\\N{X}'"), QStringLiteral("in position 10-14: unknown"));
    row(QStringLiteral("'\\N{cjk unified ideograph-4e00}'"), QStringLiteral("unknown"));
    row(QStringLiteral("'ab\\N{EM'"), QStringLiteral("position 2-6: malformed \\N character"));
    row(QStringLiteral("1") + QString(4300, u'0'),
        QStringLiteral("is refused: Exceeds the limit (4300 digits) for integer string "
                       "conversion: value has 4301 digits; use sys.set_int_max_str_digits() to "
                       "increase the limit - Consider hexadecimal for huge integer literals to "
                       "avoid decimal conversion limits."));
    row(QStringLiteral("{[1]}"), QStringLiteral("has a list as a set element"));
    row(QStringLiteral("{1: 2} | {}"), QStringLiteral("is not a valid dict or set literal"));
    row(QStringLiteral("[1,"),
        QStringLiteral("is not a valid list literal: expected a value at the end"));
    row(QStringLiteral("[1 2]"), QStringLiteral("expected ',' or ']', found '2' at column 4"));
    row(QStringLiteral("["), QStringLiteral("is not a valid list literal"));
    row(QStringLiteral("[--5]"), QStringLiteral("a sign applies only directly to a number"));
    row(QStringLiteral("[Edson]"), QStringLiteral("'Edson' at column 2 is not a literal"));
    row(QStringLiteral("[1, 2] x"), QStringLiteral("is not a valid list literal"));
    row(QStringLiteral("{1:}"),
        QStringLiteral(
            "is not a valid dict or set literal: expected a value, found '}' at column 4"));
    row(QStringLiteral("{1: 2"), QStringLiteral("expected ',' or '}' at the end"));
    row(QStringLiteral("{1: 2, 3}"), QStringLiteral("expected ':'"));
    row(QStringLiteral("{"), QStringLiteral("is not a valid dict or set literal"));
    row(QStringLiteral("(1, 2"),
        QStringLiteral("is not a valid tuple literal: expected ',' or ')' at the end"));
    row(QStringLiteral("("), QStringLiteral("is not a valid tuple literal"));
    row(QStringLiteral("(,)"), QStringLiteral("expected a value, found ',' at column 2"));
    row(QStringLiteral("(1)(2)"), QStringLiteral("is not a valid tuple literal"));
    row(QStringLiteral("(1 + 2)"), QStringLiteral("is an operation, not a literal"));
    row(QStringLiteral("{[1]: 2}"), QStringLiteral("has a list as a dict key"));
    row(QStringLiteral("{(1, [2]): 3}"), QStringLiteral("has a tuple as a dict key"));
}

void TstValues::refusals()
{
    QFETCH(QString, input);
    QFETCH(QString, fragment);
    const twinrun::ValueParseResult result = Value::parse(input);
    QVERIFY2(!result, qPrintable(result ? result.value->repr() : QString()));
    QVERIFY2(result.error.startsWith(twinrun::echoInput(input) + u' '), qPrintable(result.error));
    QVERIFY2(result.error.contains(fragment), qPrintable(result.error));
    QVERIFY2(!result.error.contains(u'\n'), qPrintable(result.error));
}

Value negated(const Value& v)
{
    return *Value::parse(u'-' + v.intText()).value;
}

void TstValues::intLimits()
{
    QCOMPARE(Value::parse(QStringLiteral("9223372036854775807")).value->toInt(),
             std::numeric_limits<std::int64_t>::max());
    QCOMPARE(Value::parse(QStringLiteral("-9223372036854775808")).value->toInt(),
             std::numeric_limits<std::int64_t>::min());
    QCOMPARE(Value::parse(QStringLiteral("-0x8000000000000000")).value->toInt(),
             std::numeric_limits<std::int64_t>::min());
    QCOMPARE(Value::parse(QStringLiteral("-(9223372036854775808)")).value->toInt(),
             std::numeric_limits<std::int64_t>::min());
    QCOMPARE(Value::parse(QStringLiteral("0o777")).value->toInt(), 511);
    QCOMPARE(Value::parse(QStringLiteral("1_000_000")).value->toInt(), 1000000);
    // Beyond 64 bits: ints of any size, as Python's.
    const Value big = *Value::parse(QStringLiteral("0b1") + QString(64, u'0')).value;
    QVERIFY(big.isBigInt());
    QCOMPARE(big.str(), QStringLiteral("18446744073709551616"));
    QCOMPARE(*Value::fromIntText(u"-18446744073709551616"), negated(big));
    QCOMPARE(Value::parse(QStringLiteral("-9223372036854775809")).value->intText(),
             QStringLiteral("-9223372036854775809"));
    QVERIFY(!Value::parse(QStringLiteral("-9223372036854775808")).value->isBigInt());
    // Python's limit on decimal text: 4300 digits read, 4301 refused; printing checks it too.
    const QString digits4300 = QString(4300, u'7');
    QCOMPARE(Value::parse(digits4300).value->str(), digits4300);
    QVERIFY(!Value::parse(digits4300).value->strError());
    const Value huge = *Value::parse(QStringLiteral("0x") + QString(4000, u'f')).value;
    QCOMPARE(huge.strError()->type, QStringLiteral("ValueError"));
    QCOMPARE(huge.strError()->message,
             QStringLiteral("Exceeds the limit (4300 digits) for integer string conversion; use "
                            "sys.set_int_max_str_digits() to increase the limit"));
    QVERIFY(Value::list({Value::fromInt(1), huge}).strError());
}

void TstValues::floatReading_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<double>("expected");
    QTest::newRow("1e999") << QStringLiteral("1e999") << kInf;
    QTest::newRow("-1e999") << QStringLiteral("-1e999") << -kInf;
    QTest::newRow("1e-999") << QStringLiteral("1e-999") << 0.0;
    QTest::newRow("2e-324 underflows") << QStringLiteral("2e-324") << 0.0;
    QTest::newRow("5e-324 denormal") << QStringLiteral("5e-324") << 5e-324;
    QTest::newRow("1.8e308 overflows") << QStringLiteral("1.8e308") << kInf;
    QTest::newRow("long mantissa, negative exponent")
        << QString(400, u'1') + QStringLiteral(".0e-5") << kInf;
    QTest::newRow("tiny mantissa, positive exponent")
        << QStringLiteral("0.") + QString(400, u'0') + QStringLiteral("1e5") << 0.0;
    QTest::newRow("huge exponent") << QStringLiteral("1e99999999999999999999999") << kInf;
    QTest::newRow("0e999999") << QStringLiteral("0e999999") << 0.0;
    QTest::newRow("underscores") << QStringLiteral("1_000_000.5e1_0") << 1.0000005e16;
    QTest::newRow("0.30000000000000004") << QStringLiteral("0.30000000000000004") << 0.1 + 0.2;
}

void TstValues::floatReading()
{
    QFETCH(QString, input);
    QFETCH(double, expected);
    const twinrun::ValueParseResult result = Value::parse(input);
    QVERIFY2(result, qPrintable(result.error));
    QCOMPARE(result.value->type(), Value::Type::Float);
    QCOMPARE(result.value->toFloat(), expected);
}

void TstValues::formatFloat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected"); // python3 repr(value)
    const auto row = [](const char* tag, double v, const char* expected) {
        QTest::newRow(tag) << v << QString::fromLatin1(expected);
    };
    row("1.0", 1.0, "1.0");
    row("0.1", 0.1, "0.1");
    row("1e16", 1e16, "1e+16");
    row("1e-05", 1e-05, "1e-05");
    row("1e15", 1e15, "1000000000000000.0");
    row("0.0001", 0.0001, "0.0001");
    row("1.5e300", 1.5e300, "1.5e+300");
    row("2.5e-07", 2.5e-07, "2.5e-07");
    row("0.0", 0.0, "0.0");
    row("-0.0", -0.0, "-0.0");
    row("inf", kInf, "inf");
    row("-inf", -kInf, "-inf");
    row("nan", std::numeric_limits<double>::quiet_NaN(), "nan");
    row("-nan", -std::numeric_limits<double>::quiet_NaN(), "nan");
    row("1.2345678901234568e+17", 123456789012345678.0, "1.2345678901234568e+17");
    row("9999999999999998.0", 9999999999999998.0, "9999999999999998.0");
    row("0.00012345", 0.00012345, "0.00012345");
    row("max", 1.7976931348623157e308, "1.7976931348623157e+308");
    row("denorm_min", 5e-324, "5e-324");
    row("min normal", 2.2250738585072014e-308, "2.2250738585072014e-308");
    row("-1.5", -1.5, "-1.5");
    row("100.0", 100.0, "100.0");
    row("123.456", 123.456, "123.456");
    row("1/3", 1.0 / 3.0, "0.3333333333333333");
    row("2/3", 2.0 / 3.0, "0.6666666666666666");
    row("0.1+0.2", 0.1 + 0.2, "0.30000000000000004");
    row("1e22", 1e22, "1e+22");
    row("1e100", 1e100, "1e+100");
    row("-1e-100", -1e-100, "-1e-100");
    row("12345.678e10", 12345.678e10, "123456780000000.0");
}

void TstValues::formatFloat()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(twinrun::formatFloat(value), expected);
    QCOMPARE(Value::fromFloat(value).str(), expected);
}

void TstValues::formatFloatRoundTrips()
{
    // Shortest round-trip: what formatFloat prints reads back as the very same double.
    QRandomGenerator random(20240601);
    for (int i = 0; i < 20000; ++i) {
        const double d = std::bit_cast<double>(random.generate64());
        if (!std::isfinite(d))
            continue;
        const QString text = twinrun::formatFloat(d);
        const twinrun::ValueParseResult back = Value::parse(text);
        QVERIFY2(back && back.value->type() == Value::Type::Float, qPrintable(text));
        QVERIFY2(std::bit_cast<std::uint64_t>(back.value->toFloat()) ==
                     std::bit_cast<std::uint64_t>(d),
                 qPrintable(text));
    }
}

void TstValues::reprString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // python3 repr(text)
    QTest::newRow("plain") << QStringLiteral("Edson") << QStringLiteral("'Edson'");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
    QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("\"it's\"");
    QTest::newRow("double quote") << QStringLiteral("a\"b") << QStringLiteral("'a\"b'");
    QTest::newRow("both quotes") << QStringLiteral("a'b\"c") << QStringLiteral("'a\\'b\"c'");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'a\\\\b'");
    QTest::newRow("controls") << QStringLiteral("\t\n\r\a\b\f\v")
                              << QStringLiteral("'\\t\\n\\r\\x07\\x08\\x0c\\x0b'");
    QTest::newRow("nul") << QString(QChar(0)) << QStringLiteral("'\\x00'");
    QTest::newRow("del") << QStringLiteral("\x7f") << QStringLiteral("'\\x7f'");
    QTest::newRow("c1 control") << QString(QChar(0x85)) << QStringLiteral("'\\x85'");
    QTest::newRow("nbsp") << QString(QChar(0xa0)) << QStringLiteral("'\\xa0'");
    QTest::newRow("soft hyphen") << QString(QChar(0xad)) << QStringLiteral("'\\xad'");
    QTest::newRow("accents") << QStringLiteral("ção é") << QStringLiteral("'ção é'");
    QTest::newRow("line separator") << QString(QChar(0x2028)) << QStringLiteral("'\\u2028'");
    QTest::newRow("zero width space") << QString(QChar(0x200b)) << QStringLiteral("'\\u200b'");
    QTest::newRow("ideographic space") << QString(QChar(0x3000)) << QStringLiteral("'\\u3000'");
    QTest::newRow("private use") << QString(QChar(0xe000)) << QStringLiteral("'\\ue000'");
    QTest::newRow("bom") << QString(QChar(0xfeff)) << QStringLiteral("'\\ufeff'");
    QTest::newRow("emoji") << QStringLiteral("😀!") << QStringLiteral("'😀!'");
    QTest::newRow("cjk") << QStringLiteral("日本語") << QStringLiteral("'日本語'");
    QTest::newRow("plane 16") << QString::fromUcs4(U"\U0010ffff", 1)
                              << QStringLiteral("'\\U0010ffff'");
    QTest::newRow("unassigned astral")
        << QString::fromUcs4(U"\U000e0080", 1) << QStringLiteral("'\\U000e0080'");
    QTest::newRow("lone high surrogate") << QString(QChar(0xd800)) << QStringLiteral("'\\ud800'");
    QTest::newRow("lone low surrogate")
        << QString(QString(QChar(0xdc00)) + u'x') << QStringLiteral("'\\udc00x'");
}

void TstValues::reprString()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(twinrun::reprString(text), expected);
    QCOMPARE(Value::fromStr(text).repr(), expected);
    QCOMPARE(Value::fromStr(text).str(), text);
}

void TstValues::surrogates()
{
    // A high surrogate followed by a non-surrogate is no pair: it prints on its own.
    const QString broken = QString(QChar(0xd83d)) + u'a';
    QCOMPARE(twinrun::reprString(broken), QStringLiteral("'\\ud83da'"));
    // A '\ud800' escape makes a lone surrogate, as in Python.
    const twinrun::ValueParseResult lone = Value::parse(QStringLiteral("'\\ud800x'"));
    QVERIFY2(lone, qPrintable(lone.error));
    QCOMPARE(lone.value->toStr().size(), 2);
    QCOMPARE(lone.value->toStr().at(0).unicode(), char16_t(0xd800));
    QCOMPARE(lone.value->repr(), QStringLiteral("'\\ud800x'"));
    // Typed non-BMP text is one code point, also inside error messages' column counts.
    QCOMPARE(Value::parse(QStringLiteral("'😀' x")).error,
             QStringLiteral("\"'😀' x\" is not one complete string literal: expected ',' or the "
                            "end of the text, found 'x' at column 5"));
}

void TstValues::constructorsAndAccessors()
{
    QCOMPARE(Value().type(), Value::Type::None);
    QVERIFY(Value::none().isNone());
    QCOMPARE(Value::fromBool(true).toBool(), true);
    QCOMPARE(Value::fromBool(false).str(), QStringLiteral("False"));
    QCOMPARE(Value::fromInt(-42).toInt(), -42);
    QCOMPARE(Value::fromInt(-42).toFloat(), -42.0);
    QVERIFY(Value::fromInt(1).isNumber());
    QVERIFY(Value::fromFloat(1.0).isNumber());
    QVERIFY(!Value::fromBool(true).isNumber());
    QVERIFY(!Value::fromStr(QStringLiteral("1")).isNumber());
    QCOMPARE(Value::fromFloat(2.5).toFloat(), 2.5);
    QCOMPARE(Value::fromStr(QStringLiteral("x")).toStr(), QStringLiteral("x"));

    // Asking a value for the wrong kind gives a neutral answer, never a crash.
    const Value s = Value::fromStr(QStringLiteral("7"));
    QCOMPARE(s.toInt(), 0);
    QCOMPARE(s.toFloat(), 0.0);
    QCOMPARE(s.toBool(), false);
    QVERIFY(s.items().isEmpty());
    QVERIFY(s.pairs().isEmpty());
    QVERIFY(Value::fromInt(7).toStr().isEmpty());

    const QStringList names = {QStringLiteral("NoneType"), QStringLiteral("bool"),
                               QStringLiteral("int"),      QStringLiteral("float"),
                               QStringLiteral("str"),      QStringLiteral("tuple"),
                               QStringLiteral("list"),     QStringLiteral("dict")};
    const Value::Type types[] = {Value::Type::None,  Value::Type::Bool, Value::Type::Int,
                                 Value::Type::Float, Value::Type::Str,  Value::Type::Tuple,
                                 Value::Type::List,  Value::Type::Dict};
    for (int i = 0; i < 8; ++i)
        QCOMPARE(Value::typeName(types[i]), names[i]);
    QCOMPARE(Value().className(), QStringLiteral("<class 'NoneType'>"));
    QCOMPARE(Value::tuple({}).className(), QStringLiteral("<class 'tuple'>"));
    QCOMPARE(Value::list({}).className(), QStringLiteral("<class 'list'>"));
    QCOMPARE(Value::dict({}).className(), QStringLiteral("<class 'dict'>"));

    const Value parsed = *Value::parse(QStringLiteral("(1, 'a', [2.5], {'k': None})")).value;
    QCOMPARE(parsed.type(), Value::Type::Tuple);
    QCOMPARE(parsed.items().size(), 4);
    QCOMPARE(parsed.items()[0].toInt(), 1);
    QCOMPARE(parsed.items()[1].toStr(), QStringLiteral("a"));
    QCOMPARE(parsed.items()[2].items()[0].toFloat(), 2.5);
    QCOMPARE(parsed.items()[3].pairs().size(), 1);
    QCOMPARE(parsed.items()[3].pairs()[0].first.toStr(), QStringLiteral("k"));
    QVERIFY(parsed.items()[3].pairs()[0].second.isNone());

    // Copies share their (immutable) containers.
    const Value copy = parsed;
    QCOMPARE(&copy.items(), &parsed.items());
}

void TstValues::containersRepr()
{
    QCOMPARE(Value::tuple({Value::fromInt(1)}).repr(), QStringLiteral("(1,)"));
    QCOMPARE(Value::tuple({}).str(), QStringLiteral("()"));
    QCOMPARE(Value::tuple({Value::fromInt(1), Value::fromStr(QStringLiteral("a"))}).str(),
             QStringLiteral("(1, 'a')"));
    QCOMPARE(Value::list({Value::fromFloat(1.5), Value::fromStr(QStringLiteral("x\"y"))}).str(),
             QStringLiteral("[1.5, 'x\"y']"));
    QCOMPARE(Value::dict({{Value::fromStr(QStringLiteral("a")), Value()}}).str(),
             QStringLiteral("{'a': None}"));
    QCOMPARE(Value::list({Value::fromStr(QStringLiteral("it's"))}).str(),
             QStringLiteral("[\"it's\"]"));
    QCOMPARE(Value::dict({}).repr(), QStringLiteral("{}"));
    QCOMPARE(Value::list({}).repr(), QStringLiteral("[]"));
    QCOMPARE(Value::list({Value::fromFloat(-0.0), Value::fromFloat(1e16)}).str(),
             QStringLiteral("[-0.0, 1e+16]"));
}

void TstValues::dictKeysFollowPython()
{
    // python3: {1: 'a', True: 'b', 1.0: 'c', 2: 'd'} == {1: 'c', 2: 'd'}; the first key stays.
    const Value d = *Value::parse(QStringLiteral("{1: 'a', True: 'b', 1.0: 'c', 2: 'd'}")).value;
    QCOMPARE(d.pairs().size(), 2);
    QCOMPARE(d.pairs()[0].first.type(), Value::Type::Int);
    QCOMPARE(d.pairs()[0].second.toStr(), QStringLiteral("c"));
    QCOMPARE(d.str(), QStringLiteral("{1: 'c', 2: 'd'}"));
    // Insertion order is kept, as in Python 3.7+.
    QCOMPARE(Value::parse(QStringLiteral("{'b': 1, 'a': 2}")).value->str(),
             QStringLiteral("{'b': 1, 'a': 2}"));
    // An int and a float are one key only when exactly equal: 2**53 + 1 is not 2.0**53.
    QCOMPARE(Value::parse(QStringLiteral("{9007199254740993: 1, 9007199254740992.0: 2}"))
                 .value->pairs()
                 .size(),
             2);
    QCOMPARE(Value::parse(QStringLiteral("{(1, 2): 'a', (1.0, 2.0): 'b'}")).value->str(),
             QStringLiteral("{(1, 2): 'b'}"));
    QCOMPARE(Value::parse(QStringLiteral("{0.5: 1, 0: 2, False: 3}")).value->str(),
             QStringLiteral("{0.5: 1, 0: 3}"));
}

void TstValues::equality()
{
    const auto v = [](const char* text) { return *Value::parse(QString::fromUtf8(text)).value; };
    QCOMPARE(v("1"), Value::fromInt(1));
    QVERIFY(v("1") != v("1.0")); // same type and value only, unlike Python
    QVERIFY(v("True") != v("1"));
    QVERIFY(v("0.0") == v("-0.0"));                                            // as in Python
    QVERIFY(Value::fromFloat(std::nan("")) == Value::fromFloat(std::nan(""))); // unlike Python
    QVERIFY(v("'a'") == v("\"a\""));
    QVERIFY(v("'a'") != v("'b'"));
    QVERIFY(v("None") == Value());
    QVERIFY(v("(1, 2)") != v("[1, 2]"));
    QVERIFY(v("[1, [2, 'x']]") == v("[1, [2, 'x']]"));
    QVERIFY(v("[1, [2, 'x']]") != v("[1, [2, 'y']]"));
    QVERIFY(v("(1,)") != v("(1, 1)"));
    QVERIFY(v("{'a': 1, 'b': 2}") == v("{'b': 2, 'a': 1}")); // dicts ignore order, as in Python
    QVERIFY(v("{'a': 1}") != v("{'a': 2}"));
    QVERIFY(v("{'a': 1}") != v("{'a': 1, 'b': 2}"));
    QVERIFY(v("{}") != v("()"));
}

void TstValues::jsonRoundTrip_data()
{
    QTest::addColumn<QString>("input");
    for (const LiteralRow& row : kLiterals)
        QTest::newRow(tagFor(qs(row.input)).constData()) << qs(row.input);
}

void TstValues::jsonRoundTrip()
{
    // Through JSON text, as a spec travels to a process worker.
    QFETCH(QString, input);
    const Value value = *Value::parse(input).value;
    const QJsonValue json = value.toJson();
    QVERIFY(json.isObject());
    QCOMPARE(json[QStringLiteral("type")].toString(), value.typeName());
    const QByteArray text = QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
    // The reader every spec goes through (it keeps a U+FEFF that opens a string).
    QString error;
    const std::optional<QJsonObject> reread =
        twinrun::readJsonObject(text, 1 << 20, QStringLiteral("the value"), &error);
    QVERIFY2(reread, qPrintable(error));
    const std::optional<Value> back = Value::fromJson(*reread, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(*back, value);
    QCOMPARE(back->repr(), value.repr()); // also tells -0.0 from 0.0
    QCOMPARE(back->typeName(), value.typeName());
}

void TstValues::jsonExactInt64()
{
    for (std::int64_t i :
         {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min(),
          std::int64_t(9007199254740993), std::int64_t(-1), std::int64_t(0)}) {
        const QJsonObject json = Value::fromInt(i).toJson().toObject();
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        const std::optional<Value> back = Value::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY2(back, text.constData());
        QCOMPARE(back->toInt(), i);
    }
    QCOMPARE(
        QJsonDocument(Value::fromInt(std::numeric_limits<std::int64_t>::max()).toJson().toObject())
            .toJson(QJsonDocument::Compact),
        QByteArray(R"({"type":"int","value":9223372036854775807})"));
    const std::optional<Value> parsed = Value::fromJson(
        QJsonDocument::fromJson(R"({"type":"int","value":-9223372036854775808})").object());
    QVERIFY(parsed);
    QCOMPARE(parsed->toInt(), std::numeric_limits<std::int64_t>::min());
}

void TstValues::jsonNegativeZeroAndNonFinite()
{
    const auto text = [](const Value& v) {
        return QJsonDocument(v.toJson().toObject()).toJson(QJsonDocument::Compact);
    };
    const auto through = [&](double d) {
        return *Value::fromJson(QJsonDocument::fromJson(text(Value::fromFloat(d))).object());
    };
    QCOMPARE(text(Value::fromFloat(-0.0)), QByteArray(R"({"type":"float","value":"-0.0"})"));
    QVERIFY(std::signbit(through(-0.0).toFloat()) && through(-0.0).toFloat() == 0.0);
    QVERIFY(!std::signbit(through(0.0).toFloat()));
    QCOMPARE(text(Value::fromFloat(kInf)), QByteArray(R"({"type":"float","value":"inf"})"));
    QCOMPARE(text(Value::fromFloat(-kInf)), QByteArray(R"({"type":"float","value":"-inf"})"));
    QCOMPARE(text(Value::fromFloat(std::nan(""))), QByteArray(R"({"type":"float","value":"nan"})"));
    QCOMPARE(through(kInf).toFloat(), kInf);
    QCOMPARE(through(-kInf).toFloat(), -kInf);
    QVERIFY(std::isnan(through(std::nan("")).toFloat()));
    // 1.0 travels as the JSON number 1 and stays a float thanks to its "type".
    QCOMPARE(text(Value::fromFloat(1.0)), QByteArray(R"({"type":"float","value":1})"));
    QCOMPARE(through(1.0).typeName(), QStringLiteral("float"));
    QCOMPARE(through(5e-324).toFloat(), 5e-324);
    QCOMPARE(through(0.1).toFloat(), 0.1);
    QCOMPARE(through(1.7976931348623157e308).toFloat(), 1.7976931348623157e308);
    QCOMPARE(text(Value()), QByteArray(R"({"type":"NoneType","value":null})"));
    QCOMPARE(text(*Value::parse(QStringLiteral("{'a': (1,)}")).value),
             QByteArray(R"({"type":"dict","value":[[{"type":"str","value":"a"},)"
                        R"({"type":"tuple","value":[{"type":"int","value":1}]}]]})"));
}

void TstValues::jsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("fragment");
    const auto row = [](const char* tag, const char* json, const QString& fragment) {
        QTest::newRow(tag) << QByteArray(json) << fragment;
    };
    row("not an object", "[1]", QStringLiteral("$: expected an object"));
    row("no type", R"({"value":1})", QStringLiteral("$: the object has no \"type\""));
    row("unknown type", R"({"type":"frozenset","value":1})",
        QStringLiteral("unknown type 'frozenset'"));
    row("int as word", R"({"type":"int","value":"x"})",
        QStringLiteral("needs an integer within 64 bits or a string of decimal digits as "
                       "\"value\", got a string"));
    row("complex one part", R"({"type":"complex","value":[1]})", QStringLiteral("[real, imag]"));
    row("bytes not base64", R"({"type":"bytes","value":"@@"})", QStringLiteral("base64"));
    row("str bad code point", R"({"type":"str","value":[1114112]})",
        QStringLiteral("an array of code points"));
    row("int with fraction", R"({"type":"int","value":1.5})",
        QStringLiteral("an integer within 64 bits"));
    row("int too big", R"({"type":"int","value":9223372036854775808})",
        QStringLiteral("an integer within 64 bits"));
    row("int huge", R"({"type":"int","value":1e300})", QStringLiteral("an integer within 64 bits"));
    row("int missing", R"({"type":"int"})", QStringLiteral("got nothing"));
    row("float bad string", R"({"type":"float","value":"Infinity"})",
        QStringLiteral("\"inf\", \"-inf\", \"nan\""));
    row("bool as int", R"({"type":"bool","value":1})", QStringLiteral("true or false"));
    row("str as number", R"({"type":"str","value":1})", QStringLiteral("a string"));
    row("none with value", R"({"type":"NoneType","value":0})", QStringLiteral("null"));
    row("list not array", R"({"type":"list","value":{}})", QStringLiteral("an array"));
    row("nested bad item",
        R"({"type":"list","value":[{"type":"int","value":1},{"type":"int","value":"x"}]})",
        QStringLiteral("$[1]: a int needs"));
    row("dict pair too short", R"({"type":"dict","value":[[{"type":"int","value":1}]]})",
        QStringLiteral("$[0]: a dict item must be a [key, value] array"));
    row("dict bad value",
        R"({"type":"dict","value":[[{"type":"int","value":1},{"type":"bool","value":null}]]})",
        QStringLiteral("$[0][1]: a bool needs true or false"));
}

void TstValues::jsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, fragment);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(!doc.isNull());
    const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    QString error;
    QVERIFY(!Value::fromJson(value, &error));
    QVERIFY2(error.contains(fragment), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
    QVERIFY(!Value::fromJson(value)); // the error out-parameter is optional
}

void TstValues::seedExample()
{
    // PARITY.md's seed example: faz_algo with args (1, 1.5, "Edson").
    QStringList lines;
    for (const QString& arg :
         {QStringLiteral("1"), QStringLiteral("1.5"), QStringLiteral("\"Edson\"")}) {
        const Value v = *Value::parse(arg).value;
        lines
            << QStringLiteral("Fazendo algo com o \"%1\" do tipo %2.").arg(v.str(), v.className());
    }
    QCOMPARE(lines,
             QStringList({QStringLiteral("Fazendo algo com o \"1\" do tipo <class 'int'>."),
                          QStringLiteral("Fazendo algo com o \"1.5\" do tipo <class 'float'>."),
                          QStringLiteral("Fazendo algo com o \"Edson\" do tipo <class 'str'>.")}));
    QCOMPARE(Value::parse(QStringLiteral("(1, 1.5, \"Edson\")")).value->str(),
             QStringLiteral("(1, 1.5, 'Edson')"));
}

void TstValues::oracleLiterals()
{
    if (!havePython())
        QSKIP("python3 is not installed");

    QStringList inputs;
    for (const LiteralRow& row : kLiterals)
        inputs << qs(row.input);
    inputs << QStringLiteral("'abc") << QStringLiteral("'a'x")
           << QStringLiteral("9223372036854775808") << QStringLiteral("-9223372036854775809")
           << QStringLiteral("0x10000000000000000") << QStringLiteral("[1,")
           << QStringLiteral("{1:}") << QStringLiteral("(1, 2") << QStringLiteral("1j")
           << QStringLiteral("1+2j") << QStringLiteral("b'x'") << QStringLiteral("{1, 2}")
           << QStringLiteral("set()") << QStringLiteral("{[1]: 2}") << QStringLiteral("1 + 2")
           << QStringLiteral("-(-5)") << QStringLiteral("(1)(2)") << QStringLiteral("[1][0]")
           << QStringLiteral("rb'x") << QStringLiteral("f'{x}'") << QStringLiteral("'a' + 'b'")
           << QStringLiteral("1e-4") << QStringLiteral("0.000099") << QStringLiteral("12e15")
           << QStringLiteral("1_2.3_4e-1_0") << QStringLiteral("0O_7") << QStringLiteral("0B1_0")
           << QStringLiteral("0xdead_BEEF") << QStringLiteral("0x_")
           << QStringLiteral("'\\x41\\101\\u0041\\U00000041\\N'")
           << QStringLiteral("'''multi\nline'''") << QStringLiteral("[\n1,\n'two',\n]")
           << QStringLiteral("1\n2") << QStringLiteral("(1,\n2)") << QStringLiteral("- - 5")
           << QStringLiteral("+(-5)") << QStringLiteral("-(5)") << QStringLiteral("1.5j")
           << QStringLiteral("1e5J") << QStringLiteral("01j") << QStringLiteral("True False")
           << QStringLiteral("None,") << QStringLiteral("(None)") << QStringLiteral("[1, 2][0]")
           << QStringLiteral("1 #") << QStringLiteral("#") << QStringLiteral("\\")
           << QStringLiteral("'\\\\'") << QStringLiteral("r'\\\\'") << QStringLiteral("'a\\\rb'")
           << QStringLiteral("\"\"\"'''\"\"\"") << QStringLiteral("''''''")
           << QStringLiteral("'''''") << QStringLiteral("1.5.3.4") << QStringLiteral("Ｔrue")
           << QStringLiteral("١٢٣");

    // Python classifies each input; every literal is supported (a set of str aside, whose order
    // Python randomises: none here).
    const QString script = QStringLiteral(R"PY(
import ast, json, sys
def supported(v):
    return True
out = []
for text in json.load(sys.stdin):
    try:
        v = ast.literal_eval(text)
    except Exception:
        out.append({"literal": False})
        continue
    entry = {"literal": True, "supported": supported(v), "type": type(v).__name__}
    if entry["supported"]:
        entry["str"] = str(v)
    out.append(entry)
json.dump(out, sys.stdout)
)PY");
    const QJsonDocument answer =
        runPython(script, QJsonDocument(QJsonArray::fromStringList(inputs)));
    QVERIFY(answer.isArray());
    const QJsonArray results = answer.array();
    QCOMPARE(results.size(), inputs.size());

    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QByteArray mismatch = oracleMismatch(inputs[i], results[i].toObject());
        QVERIFY2(mismatch.isEmpty(), mismatch.constData());
    }
}

void TstValues::oracleFloats()
{
    if (!havePython())
        QSKIP("python3 is not installed");

    // Random bit patterns cover every exponent; decimal-looking values and the edges of the
    // switch to exponent form cover what people type.
    QRandomGenerator random(42);
    QList<double> values;
    for (int i = 0; i < 3000; ++i)
        values << std::bit_cast<double>(random.generate64());
    for (int i = 0; i < 2000; ++i)
        values << double(random.bounded(1000000)) / std::pow(10.0, random.bounded(-20, 25));
    for (int e = -30; e <= 30; ++e)
        for (double m : {1.0, 9.999999999999999, 5.0, 1.5, 9.99999999999999})
            values << m * std::pow(10.0, e) << -m * std::pow(10.0, e);
    values << 0.0 << -0.0 << kInf << -kInf << std::numeric_limits<double>::quiet_NaN()
           << std::numeric_limits<double>::denorm_min() << std::numeric_limits<double>::max()
           << std::numeric_limits<double>::min() << std::numeric_limits<double>::epsilon();

    QJsonArray bits;
    for (double d : values)
        bits.append(QString::number(std::bit_cast<std::uint64_t>(d)));
    const QString script = QStringLiteral(R"PY(
import json, struct, sys
print(json.dumps([repr(struct.unpack('<d', struct.pack('<Q', int(b)))[0]) for b in json.load(sys.stdin)]))
)PY");
    const QJsonDocument answer = runPython(script, QJsonDocument(bits));
    QVERIFY(answer.isArray());
    QCOMPARE(answer.array().size(), values.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        QCOMPARE(twinrun::formatFloat(values[i]), answer.array()[i].toString());
}

void TstValues::oracleRepr()
{
    if (!havePython())
        QSKIP("python3 is not installed");

    // All of Latin-1, some fixed points, and random code points assigned by Unicode 13, on which
    // Python 3.9 and later (and Qt's tables) agree.
    QList<char32_t> all;
    for (char32_t cp = 0; cp < 0x100; ++cp)
        all << cp;
    for (char32_t cp : {U'\x2028', U'\x2029', U'\x200b', U'\x3000', U'\xfeff', U'\xe000', U'\xfffe',
                        U'\U000e0080', U'\U0010ffff', U'\U0001f600', U'\U000f0000'})
        all << cp;
    QRandomGenerator random(7);
    while (all.size() < 6000) {
        const char32_t cp = random.bounded(0x110000u);
        const QChar::UnicodeVersion version = QChar::unicodeVersion(cp);
        if ((cp >= 0xd800 && cp <= 0xdfff) || version == QChar::Unicode_Unassigned ||
            version > QChar::Unicode_13_0)
            continue;
        all << cp;
    }
    QList<QList<char32_t>> strings;
    for (qsizetype i = 0; i < all.size(); i += 7)
        strings << all.mid(i, 7);
    strings << QList<char32_t>{U'\''} << QList<char32_t>{U'"'} << QList<char32_t>{U'\'', U'"'};

    QJsonArray input;
    for (const QList<char32_t>& s : strings) {
        QJsonArray cps;
        for (char32_t cp : s)
            cps.append(qint64(cp));
        input.append(cps);
    }
    const QString script = QStringLiteral(R"PY(
import json, sys
print(json.dumps([repr(''.join(map(chr, s))) for s in json.load(sys.stdin)]))
)PY");
    const QJsonDocument answer = runPython(script, QJsonDocument(input));
    QVERIFY(answer.isArray());
    QCOMPARE(answer.array().size(), strings.size());
    for (qsizetype i = 0; i < strings.size(); ++i) {
        const QString text = QString::fromUcs4(strings[i].constData(), strings[i].size());
        QCOMPARE(twinrun::reprString(text), answer.array()[i].toString());
    }
}

// Found by fuzz_literal: deep nesting overflowed the stack. Now it is refused.
void TstValues::deepNestingIsRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("refused");
    QTest::newRow("199 parens") << QString(199, u'(') + QStringLiteral("1") + QString(199, u')')
                                << false;
    QTest::newRow("100000 parens") << QString(100000, u'(') << true;
    QTest::newRow("100000 lists") << QString(100000, u'[') + QString(100000, u']') << true;
    QTest::newRow("100000 dicts") << QStringLiteral("{(") + QString(100000, u'{') << true;
    QTest::newRow("100000 signs") << QString(100000, u'-') + QStringLiteral("5") << false;
}

void TstValues::deepNestingIsRefused()
{
    QFETCH(QString, text);
    QFETCH(bool, refused);
    const twinrun::ValueParseResult r = Value::parse(text);
    QCOMPARE(!r, refused);
    if (refused)
        QVERIFY2(r.error.contains(QStringLiteral("nested more than 200 levels deep")),
                 qPrintable(r.error.right(200)));
}

// Issue 8 item 18: '\ud83d\udc0d' is two lone surrogates in Python, never the joined emoji.
void TstValues::escapedSurrogatesStayApart()
{
    const Value list = *Value::parse(QStringLiteral("['\\ud83d\\udc0d']")).value;
    QCOMPARE(list.str(), QStringLiteral("['\\ud83d\\udc0d']"));
    const Value pair = list.items().first();
    QCOMPARE(pair.codePoints(), std::u32string_view(U"\xd83d\xdc0d"));
    QCOMPARE(pair.repr(), QStringLiteral("'\\ud83d\\udc0d'"));
    // A typed emoji is one code point; its \U escape too.
    QCOMPARE(Value::parse(QStringLiteral("'\\U0001f40d'")).value->codePoints().size(), 1u);
    QCOMPARE(Value::fromStr(QStringLiteral("🐍")).codePoints().size(), 1u);
    QVERIFY(!(pair == *Value::parse(QStringLiteral("'🐍'")).value));
}

void TstValues::printingFailsLikePython()
{
    // python3 -c "print('a\ud83dx\udc00')": the first run of surrogates is reported.
    QCOMPARE(twinrun::utf8EncodeError(U"a\xd83dx\xdc00")->message,
             QStringLiteral("'utf-8' codec can't encode character '\\ud83d' in position 1: "
                            "surrogates not allowed"));
    QCOMPARE(twinrun::utf8EncodeError(U"ab\xd83d\xdc0d")->message,
             QStringLiteral("'utf-8' codec can't encode characters in position 2-3: surrogates "
                            "not allowed"));
    QCOMPARE(twinrun::utf8EncodeError(U"ab\xd83d")->type, QStringLiteral("UnicodeEncodeError"));
    QVERIFY(!twinrun::utf8EncodeError(U"ab\U0001f40d"));
}

void TstValues::jsonCarriesEveryType()
{
    const auto text = [](const Value& v) {
        return QJsonDocument(v.toJson().toObject()).toJson(QJsonDocument::Compact);
    };
    const auto parsed = [](const char* literal) {
        return *Value::parse(QString::fromUtf8(literal)).value;
    };
    QCOMPARE(text(parsed("18446744073709551616")),
             QByteArray(R"({"type":"int","value":"18446744073709551616"})"));
    QCOMPARE(text(parsed("-0.0-1e999j")),
             QByteArray(R"({"type":"complex","value":["-0.0","-inf"]})"));
    QCOMPARE(text(parsed("b'\\x00a'")), QByteArray(R"({"type":"bytes","value":"AGE="})"));
    QCOMPARE(text(parsed("'\\ud83dx'")), QByteArray(R"({"type":"str","value":[55357,120]})"));
    QCOMPARE(text(parsed("...")), QByteArray(R"({"type":"ellipsis","value":null})"));
    QCOMPARE(text(parsed("{2, 1}")),
             QByteArray(R"({"type":"set","value":[{"type":"int","value":1},)"
                        R"({"type":"int","value":2}]})"));
    for (const char* literal : {"18446744073709551616",
                                "-0x"
                                "ffffffffffffffffffffffffffffffff",
                                "1.5-2j", "-1e999j", "b''", "b'\\xff\\'\"'", "'\\ud83d\\udc0d'",
                                "'\\udc00'", "'\\ufeffx'", "...", "{3, 1, 2}", "{'a', 'b'}",
                                "set()", "[{(1, 2j)}, b'x', ..., 10**0]"}) {
        const twinrun::ValueParseResult r = Value::parse(QString::fromUtf8(literal));
        if (!r)
            continue; // 10**0 is no literal: its row is a str, which travels too
        QString error;
        const std::optional<QJsonObject> json =
            twinrun::readJsonObject(text(*r.value), 1 << 20, QStringLiteral("the value"), &error);
        QVERIFY2(json, qPrintable(error));
        const std::optional<Value> back = Value::fromJson(*json, &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY2(*back == *r.value, literal);
        QCOMPARE(back->repr(), r.value->repr());
    }
}

// Issue 8 item 15: Qt's JSON reader drops U+FEFF at the start of every string; specs must not.
void TstValues::jsonKeepsLeadingFeff()
{
    twinrun::WorkerSpec spec;
    spec.target = QStringLiteral("faz_algo");
    spec.name = QStringLiteral("\uFEFFname");
    spec.args = {*Value::parse(QStringLiteral("'\\ufeffx'")).value,
                 *Value::parse(QStringLiteral("['\\ufeff']")).value};
    const QByteArray bytes = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact);
    QVERIFY(bytes.contains("\xef\xbb\xbf")); // Qt writes it raw: the reader must keep it
    for (const QByteArray& document : {bytes, QByteArray("\xef\xbb\xbf") + bytes}) {
        QString error;
        const std::optional<QJsonObject> json =
            twinrun::readJsonObject(document, 1 << 20, QStringLiteral("the spec"), &error);
        QVERIFY2(json, qPrintable(error));
        const std::optional<twinrun::WorkerSpec> back =
            twinrun::WorkerSpec::fromJson(*json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->args, spec.args);
        QCOMPARE(back->name, spec.name);
        QCOMPARE(back->args.at(1).str(), QStringLiteral("['\\ufeff']"));
    }
}

// Issue 8 items 15-20 against the live python3: str(), repr() and the type of every kind of
// value, and what is no literal (a str as typed) or refused.
void TstValues::oracleNewValues()
{
    if (!havePython())
        QSKIP("python3 is not installed");
    QStringList inputs = {
        QStringLiteral(" 1"),
        QStringLiteral("\t1"),
        QStringLiteral("\n1"),
        QStringLiteral("1 "),
        QStringLiteral("1\n"),
        QStringLiteral("  1x"),
        QStringLiteral("\n -1"),
        QStringLiteral("1\n "),
        QStringLiteral("1\n\t"),
        QStringLiteral("1\n  \n"),
        QStringLiteral("\f\t1"),
        QStringLiteral("\n\f1"),
        QStringLiteral("\r\n1"),
        QStringLiteral("1\r "),
        QStringLiteral("1\n#c"),
        QStringLiteral("1 \\\n"),
        QStringLiteral("#c\n 1"),
        QStringLiteral("\ufeff1"),
        QStringLiteral("'\ufeffx'"),
        QStringLiteral("['\ufeff']"),
        QStringLiteral("..."),
        QStringLiteral("-..."),
        QStringLiteral("[..., (...,)]"),
        QStringLiteral("Ellipsis"),
        QStringLiteral("1j"),
        QStringLiteral("1+2j"),
        QStringLiteral("-1-2j"),
        QStringLiteral("1j+1"),
        QStringLiteral("+1j"),
        QStringLiteral("-(1+2j)"),
        QStringLiteral("True+1j"),
        QStringLiteral("0x10+1j"),
        QStringLiteral("1e999j"),
        QStringLiteral("-1e999j"),
        QStringLiteral("1e999+1e999j"),
        QStringLiteral("-1e999-1e999j"),
        QStringLiteral("-0j"),
        QStringLiteral("0-0j"),
        QStringLiteral("-0.0-0j"),
        QStringLiteral("-0.0+0j"),
        QStringLiteral("1.5e16+1e-5j"),
        QStringLiteral("(1)+2j"),
        QStringLiteral("1 + -2j"),
        QStringLiteral("[1j, -2.5j, 1e300+1e-300j]"),
        QStringLiteral("b'abc'"),
        QStringLiteral("b'\\x00\\x7f\\x80\\t\\n\\r\\\\ \\'\"'"),
        QStringLiteral("b\"'\""),
        QStringLiteral("B''"),
        QStringLiteral("rb'\\n'"),
        QStringLiteral("b'\\777'"),
        QStringLiteral("b'\\u1234\\N{EM DASH}'"),
        QStringLiteral("b'a' b'b'"),
        QStringLiteral("b'é'"),
        QStringLiteral("{1}"),
        QStringLiteral("{3, 1, 2}"),
        QStringLiteral("{1, 1.0, True}"),
        QStringLiteral("set()"),
        QStringLiteral("frozenset()"),
        QStringLiteral("{-1, -2, 8, 16}"),
        QStringLiteral("{(1, 2), (2, 1)}"),
        QStringLiteral("{1.5, 0.5, 2}"),
        QStringLiteral("{1e999, 1, -1e999}"),
        QStringLiteral("{18446744073709551616, 1, 2**3}"),
        QStringLiteral("{0.0, -0.0}"),
        QStringLiteral("{1, 1j, 1+0j}"),
        QStringLiteral("{(1, 2.0), (1.0, 2)}"),
        QStringLiteral("{[1]}"),
        QStringLiteral("{{1}}"),
        QStringLiteral("{1: {2}}"),
        QStringLiteral("9223372036854775808"),
        QStringLiteral("-9223372036854775809"),
        QStringLiteral("0x10000000000000000"),
        QStringLiteral("-(9223372036854775809)"),
        QStringLiteral("[1, 99999999999999999999999999999999]"),
        QStringLiteral("0b1") + QString(200, u'0'),
        QStringLiteral("0o7") + QString(100, u'7'),
        QString(4300, u'9'),
        QStringLiteral("-") + QString(4300, u'9'),
        QStringLiteral("'\\N{EM DASH}'"),
        QStringLiteral("'\\N{em dash}'"),
        QStringLiteral("'\\N{LF}'"),
        QStringLiteral("'\\N{BYTE ORDER MARK}'"),
        QStringLiteral("'\\N{VS17}\\N{vs256}\\N{VS1}'"),
        QStringLiteral("'\\N{CJK UNIFIED IDEOGRAPH-4E00}'"),
        QStringLiteral("'\\N{HANGUL SYLLABLE GA}'"),
        QStringLiteral("'\\N{hangul syllable ga}'"),
        QStringLiteral("'\\N{latin capital letter gha}'"),
        QStringLiteral("'\\N{NULL}'"),
        QStringLiteral("'\\N{TIBETAN MARK BKA- SHOG GI MGO RGYAN}'"),
        QStringLiteral("'\\N{FVS4}'"),
        QStringLiteral("r'\\N{EM DASH}'"),
        QStringLiteral("'\\ud83d\\udc0d'"),
        QStringLiteral("['\\ud83d\\udc0d', '\\udfff']"),
        QStringLiteral("{'\\ud800': b'\\xd8'}"),
        QStringLiteral("'\\x00'"),
        QStringLiteral("\\\n1"),
        QStringLiteral("1,\n"),
        QStringLiteral("\\\n 1"),
        QStringLiteral("\n \\\n1"),
        QStringLiteral("\\\n#c\n1"),
    };
    const QString script = QStringLiteral(R"PY(
import ast, json, sys
out = []
for text in json.load(sys.stdin):
    try:
        v = ast.literal_eval(text)
    except Exception:
        out.append({"literal": False})
        continue
    out.append({"literal": True, "str": str(v), "repr": repr(v), "type": type(v).__name__})
json.dump(out, sys.stdout)
)PY");
    const QJsonDocument answer =
        runPython(script, QJsonDocument(QJsonArray::fromStringList(inputs)));
    QVERIFY(answer.isArray());
    QCOMPARE(answer.array().size(), inputs.size());
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const QByteArray mismatch = oracleMismatch(inputs[i], answer.array()[i].toObject());
        QVERIFY2(mismatch.isEmpty(), mismatch.constData());
    }
}

// CPython's set order for numbers and tuples of them, which Python fixes for every run.
void TstValues::oracleSetOrder()
{
    if (!havePython())
        QSKIP("python3 is not installed");
    QRandomGenerator random(11);
    QStringList inputs;
    for (int i = 0; i < 300; ++i) {
        QStringList items;
        const int n = random.bounded(1, 40);
        for (int k = 0; k < n; ++k) {
            switch (random.bounded(5)) {
            case 0:
                items << QString::number(random.bounded(-50, 200));
                break;
            case 1:
                items << QString::number(qint64(random.generate64() >> random.bounded(64)));
                break;
            case 2:
                items << twinrun::formatFloat(random.bounded(1000.0) - 500.0);
                break;
            case 3:
                items << QStringLiteral("(%1, %2)").arg(random.bounded(10)).arg(random.bounded(3));
                break;
            default:
                items << QStringLiteral("%1j").arg(random.bounded(20)) << QStringLiteral("True")
                      << QStringLiteral("0x1%1").arg(QString(random.bounded(30), u'0'));
                break;
            }
        }
        inputs << u'{' + items.join(QStringLiteral(", ")) + u'}';
    }
    const QString script = QStringLiteral(R"PY(
import ast, json, sys
print(json.dumps([repr(ast.literal_eval(t)) for t in json.load(sys.stdin)]))
)PY");
    const QJsonDocument answer =
        runPython(script, QJsonDocument(QJsonArray::fromStringList(inputs)));
    QVERIFY(answer.isArray());
    QCOMPARE(answer.array().size(), inputs.size());
    for (qsizetype i = 0; i < inputs.size(); ++i)
        QCOMPARE(Value::parse(inputs[i]).value->repr(), answer.array()[i].toString());
}

// \N{...}: every formal alias (the ones TwinRun carries and ICU's corrections) and a sample of
// names, case-insensitively, as python3's unicodedata decodes them.
void TstValues::oracleNameAliases()
{
    if (!havePython())
        QSKIP("python3 is not installed");
    const QString script = QStringLiteral(R"PY(
import json, sys, unicodedata, random
random.seed(5)
names = []
for cp in random.sample(range(0x30000), 20000):
    n = unicodedata.name(chr(cp), None)
    if n:
        names.append(n)
aliases = ["NULL", "NUL", "ALERT", "LINE FEED", "NEW LINE", "EOL", "SP", "DEL", "PAD", "HOP",
           "NEL", "SINGLE-SHIFT-2", "PRIVATE USE-1", "SGC", "NBSP", "SHY", "CGJ", "ALM", "FVS4",
           "MVS", "ZWSP", "ZWNJ", "ZWJ", "LRM", "RLM", "NNBSP", "MMSP", "WJ", "FSI", "PDI", "BOM",
           "ZWNBSP", "BYTE ORDER MARK", "VS1", "VS16", "VS17", "VS256", "LATIN CAPITAL LETTER GHA",
           "KANNADA LETTER LLLA", "HANGUL SYLLABLE GAG", "CJK UNIFIED IDEOGRAPH-2A6DF", "VS0",
           "VS257", "VS01", "BELL", "WEIERSTRASS ELLIPTIC FUNCTION", "CUNEIFORM SIGN NU11 TENU"]
out = []
for n in names + aliases + [a.lower() for a in aliases]:
    try:
        out.append([n, ord(unicodedata.lookup(n))])
    except KeyError:
        out.append([n, -1])
print(json.dumps(out))
)PY");
    const QJsonDocument answer = runPython(script, QJsonDocument(QJsonArray()));
    QVERIFY(answer.isArray());
    QVERIFY(answer.array().size() > 1000);
    for (const QJsonValue& row : answer.array()) {
        const QString name = row[0].toString();
        const qint64 expected = row[1].toInteger();
        const twinrun::ValueParseResult ours = Value::parse(QStringLiteral("'\\N{%1}'").arg(name));
        if (expected < 0) {
            QVERIFY2(!ours, qPrintable(name));
            continue;
        }
        QVERIFY2(ours, qPrintable(name + u' ' + ours.error));
        QVERIFY2(ours.value->codePoints() == std::u32string(1, char32_t(expected)),
                 qPrintable(name));
    }
}

TWINRUN_TEST_MAIN(TstValues)

#include "tst_values.moc"
