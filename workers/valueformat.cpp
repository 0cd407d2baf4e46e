#include <twinrun/value.h>

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

QString formatFloat(double d)
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
        out += digits + std::string(exponent + 1 - ndigits, '0') + ".0";
    } else {
        out += digits.substr(0, exponent + 1) + '.' + digits.substr(exponent + 1);
    }
    return QString::fromLatin1(out);
}

QString reprString(const QString& s)
{
    const QChar quote = s.contains(u'\'') && !s.contains(u'"') ? u'"' : u'\'';
    QString out;
    out.reserve(s.size() + 2);
    out += quote;
    for (qsizetype i = 0; i < s.size();) {
        const qsizetype length =
            s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate() ? 2 : 1;
        const char32_t cp = length == 2 ? QChar::surrogateToUcs4(s[i], s[i + 1]) : s[i].unicode();
        if (cp == quote.unicode() || cp == U'\\') {
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
        } else if (cp < 0x7f || isPythonPrintable(cp)) {
            out += QStringView(s).sliced(i, length);
        } else {
            out += hexEscape(cp);
        }
        i += length;
    }
    out += quote;
    return out;
}

} // namespace twinrun
