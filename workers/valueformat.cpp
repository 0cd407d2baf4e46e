#include "valueinternals.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <string>

namespace twinrun {

namespace {

// Python's str.isprintable() for one code point: all but the Other (C*) and Separator (Z*)
// categories, the plain space excepted.
bool isPythonPrintable(char32_t cp)
{
    if (cp == U' ')
        return true;
    switch (QChar::category(cp)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

QString hexEscape(char32_t cp)
{
    if (cp <= 0xff)
        return QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QChar(u'0'));
    if (cp <= 0xffff)
        return QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QChar(u'0'));
    return QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QChar(u'0'));
}

} // namespace

// Python's float repr ('r' format); without dotZero as complex parts print: "1", not "1.0".
static QString formatShortest(double d, bool dotZero)
{
    if (std::isnan(d))
        return QStringLiteral("nan");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");

    // Shortest round-trip digits, as Python's repr picks them; only the layout is Python's own.
    char buffer[64];
    const auto result =
        std::to_chars(std::begin(buffer), std::end(buffer), d, std::chars_format::scientific);
    const std::string text(buffer, result.ptr);
    const std::size_t ePos = text.find('e');
    const bool negative = text[0] == '-';
    std::string digits = text.substr(negative ? 1 : 0, ePos - (negative ? 1 : 0));
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    const int exponent = std::stoi(text.substr(ePos + 1));
    const int ndigits = static_cast<int>(digits.size());

    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
        out += digits[0];
        if (ndigits > 1)
            out += '.' + digits.substr(1);
        out += exponent < 0 ? "e-" : "e+";
        const std::string e = std::to_string(std::abs(exponent));
        out += (e.size() < 2 ? "0" : "") + e;
    } else if (exponent < 0) {
        out += "0." + std::string(-exponent - 1, '0') + digits;
    } else if (exponent + 1 >= ndigits) {
        out += digits + std::string(exponent + 1 - ndigits, '0') + (dotZero ? ".0" : "");
    } else {
        out += digits.substr(0, exponent + 1) + '.' + digits.substr(exponent + 1);
    }
    return QString::fromLatin1(out);
}

QString formatFloat(double d)
{
    return formatShortest(d, true);
}

QString formatFloatPart(double d, bool withSign)
{
    const QString text = formatShortest(d, false);
    // Python's Py_DTSF_SIGN: '+' on everything not negative, nan included.
    return withSign && !text.startsWith(u'-') ? u'+' + text : text;
}

QString formatComplex(double real, double imag)
{
    // As complex_repr: no parentheses when the real part is +0.0.
    if (real == 0.0 && !std::signbit(real))
        return formatFloatPart(imag, false) + u'j';
    return u'(' + formatFloatPart(real, false) + formatFloatPart(imag, true) + QStringLiteral("j)");
}

QString reprString(const QString& s)
{
    return reprString(toCodePoints(s));
}

QString reprString(std::u32string_view s)
{
    const char32_t quote = s.find(U'\'') != s.npos && s.find(U'"') == s.npos ? U'"' : U'\'';
    QString out;
    out.reserve(qsizetype(s.size()) + 2);
    out += QChar(char16_t(quote));
    for (const char32_t cp : s) {
        if (cp == quote || cp == U'\\') {
            out += u'\\';
            out += QChar(char16_t(cp));
        } else if (cp == U'\t') {
            out += QStringLiteral("\\t");
        } else if (cp == U'\n') {
            out += QStringLiteral("\\n");
        } else if (cp == U'\r') {
            out += QStringLiteral("\\r");
        } else if (cp < U' ' || cp == 0x7f) {
            out += hexEscape(cp);
        } else if (cp < 0x7f || (!QChar::isSurrogate(cp) && isPythonPrintable(cp))) {
            out += fromCodePoints(std::u32string_view(&cp, 1));
        } else {
            out += hexEscape(cp);
        }
    }
    out += QChar(char16_t(quote));
    return out;
}

QString reprBytes(const QByteArray& bytes)
{
    const char quote = bytes.contains('\'') && !bytes.contains('"') ? '"' : '\'';
    QString out = QStringLiteral("b") + QLatin1Char(quote);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b == quote || b == '\\') {
            out += u'\\';
            out += QLatin1Char(c);
        } else if (b == '\t') {
            out += QStringLiteral("\\t");
        } else if (b == '\n') {
            out += QStringLiteral("\\n");
        } else if (b == '\r') {
            out += QStringLiteral("\\r");
        } else if (b < ' ' || b >= 0x7f) {
            out += hexEscape(b);
        } else {
            out += QLatin1Char(c);
        }
    }
    return out + QLatin1Char(quote);
}

std::u32string toCodePoints(QStringView s)
{
    std::u32string out;
    out.reserve(std::size_t(s.size()));
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            out += QChar::surrogateToUcs4(s[i], s[i + 1]);
            ++i;
        } else {
            out += char32_t(s[i].unicode());
        }
    }
    return out;
}

QString fromCodePoints(std::u32string_view s)
{
    QString out;
    out.reserve(qsizetype(s.size()));
    for (const char32_t cp : s) {
        if (QChar::requiresSurrogates(cp)) {
            out += QChar(QChar::highSurrogate(cp));
            out += QChar(QChar::lowSurrogate(cp));
        } else {
            out += QChar(char16_t(cp)); // a lone surrogate stays one unit
        }
    }
    return out;
}

std::optional<PythonError> utf8EncodeError(std::u32string_view line)
{
    const auto isSurrogate = [](char32_t cp) { return cp >= 0xd800 && cp <= 0xdfff; };
    const std::size_t start =
        std::size_t(std::find_if(line.begin(), line.end(), isSurrogate) - line.begin());
    if (start == line.size())
        return std::nullopt;
    // As CPython's UTF-8 encoder: the error spans the whole run of surrogates.
    std::size_t end = start;
    while (end < line.size() && isSurrogate(line[end]))
        ++end;
    const QString what =
        end - start == 1
            ? QStringLiteral("character '%1' in position %2").arg(hexEscape(line[start])).arg(start)
            : QStringLiteral("characters in position %1-%2").arg(start).arg(end - 1);
    return PythonError{
        QStringLiteral("UnicodeEncodeError"),
        QStringLiteral("'utf-8' codec can't encode %1: surrogates not allowed").arg(what)};
}

} // namespace twinrun
