#include "valuelexer.h"

#include "librarytext.h"
#include "valueinternals.h"
#include <twinrun/echo.h>

#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace twinrun {

namespace {

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode() | 0x20;
    return u >= u'a' && u <= u'z';
}

// Decimal float text (digits, '.', exponent; no underscores) read as Python reads it:
// correctly rounded, overflowing to inf and underflowing to 0.0.
double readDecimalFloat(const std::string& text)
{
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size())
        return value;
    // from_chars only says "out of range". Overflow (from ~1e308) and underflow (below ~1e-324)
    // are hundreds of decades apart, so the position of the first significant digit decides.
    const std::size_t ePos = text.find_first_of("eE");
    const std::string mantissa = text.substr(0, ePos);
    long long exponent = 0;
    if (ePos != std::string::npos) {
        std::size_t i = ePos + 1;
        const bool negative = text[i] == '-';
        if (text[i] == '+' || text[i] == '-')
            ++i;
        for (; i < text.size(); ++i)
            exponent = std::min(exponent * 10 + (text[i] - '0'), 1000000LL);
        if (negative)
            exponent = -exponent;
    }
    const std::size_t dot = std::min(mantissa.find('.'), mantissa.size());
    const std::size_t first = mantissa.find_first_of("123456789");
    if (first == std::string::npos)
        return 0.0;
    const long long magnitude = first < dot ? static_cast<long long>(dot - first - 1)
                                            : -static_cast<long long>(first - dot);
    return magnitude + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

} // namespace

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    return (u | 0x20) - u'a' + 10;
}

bool isAsciiDigit(QChar c, int radix)
{
    const char16_t u = c.unicode();
    if (radix <= 10)
        return u >= u'0' && u < u'0' + radix;
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

bool isIdentifierStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_' || (c.unicode() > 0x7f && c.isLetter());
}

bool isIdentifierChar(QChar c)
{
    return isIdentifierStart(c) || isAsciiDigit(c) || (c.unicode() > 0x7f && c.isLetterOrNumber());
}

qsizetype stringPrefixLength(QStringView text, qsizetype at)
{
    QString prefix;
    qsizetype i = at;
    while (i < text.size() && prefix.size() < 3 && isAsciiLetter(text[i]))
        prefix += text[i++].toLower();
    if (i >= text.size() || (text[i] != u'\'' && text[i] != u'"'))
        return -1;
    static const QStringList valid = {
        QString(),           QStringLiteral("r"),  QStringLiteral("u"),
        QStringLiteral("b"), QStringLiteral("br"), QStringLiteral("rb"),
        QStringLiteral("f"), QStringLiteral("fr"), QStringLiteral("rf")};
    return valid.contains(prefix) ? prefix.size() : -1;
}

// Skips digits in `radix` with single underscores between them (Python's "1_000").
bool Scanner::skipDigitPart(int radix)
{
    if (!isAsciiDigit(peek(), radix))
        return false;
    ++m_pos;
    for (;;) {
        if (isAsciiDigit(peek(), radix))
            ++m_pos;
        else if (peek() == u'_' && isAsciiDigit(peek(1), radix))
            m_pos += 2;
        else
            return true;
    }
}

bool Scanner::lexNumber(Value& out)
{
    const qsizetype start = m_pos;
    const QChar prefix = peek(1).toLower();
    if (peek() == u'0' && (prefix == u'x' || prefix == u'o' || prefix == u'b')) {
        const int radix = prefix == u'x' ? 16 : prefix == u'o' ? 8 : 2;
        m_pos += 2;
        if (peek() == u'_' && isAsciiDigit(peek(1), radix))
            ++m_pos; // Python allows 0x_1f
        const qsizetype digitsStart = m_pos;
        if (!skipDigitPart(radix))
            return failExpected(ValueText::tr("base-%1 digits").arg(radix));
        const QString digits = m_text.sliced(digitsStart, m_pos - digitsStart).remove(u'_');
        out = ValueInternals::fromBigInt(BigInt::fromDigits(digits, radix));
        return true;
    }

    bool isFloat = false;
    skipDigitPart(10);
    if (peek() == u'.') {
        ++m_pos;
        isFloat = true;
        skipDigitPart(10);
    }
    if (peek() == u'e' || peek() == u'E') {
        const qsizetype ePos = m_pos;
        ++m_pos;
        if (peek() == u'+' || peek() == u'-')
            ++m_pos;
        if (skipDigitPart(10))
            isFloat = true;
        else
            m_pos = ePos; // "1e" is no number: the 'e' is left to fail the grammar
    }
    const QString digits = m_text.sliced(start, m_pos - start).remove(u'_');
    if (peek() == u'j' || peek() == u'J') {
        ++m_pos;
        out = Value::fromComplex(0.0, readDecimalFloat(digits.toStdString()));
        return true;
    }
    if (isFloat) {
        out = Value::fromFloat(readDecimalFloat(digits.toStdString()));
        return true;
    }
    // Python 3 refuses 01 (the old octal spelling) but reads 00 and 0_0.
    if (digits.startsWith(u'0') && digits.count(u'0') != digits.size()) {
        m_pos = start;
        return fail(
            ValueText::tr("a decimal int cannot have leading zeros (%1)").arg(where(start)));
    }
    if (std::size_t(digits.size()) > kMaxIntDigits) {
        // Python's own words (its ValueError), compared with CPython's: never translated.
        noteIssue(QStringLiteral("Exceeds the limit (%1 digits) for integer string conversion: "
                                 "value has %2 digits; use sys.set_int_max_str_digits() to "
                                 "increase the limit - Consider hexadecimal for huge integer "
                                 "literals to avoid decimal conversion limits.")
                      .arg(kMaxIntDigits)
                      .arg(digits.size()));
        out = Value::fromInt(0);
        return true;
    }
    out = ValueInternals::fromBigInt(BigInt::fromDigits(digits, 10));
    return true;
}

void Scanner::skipBlanks()
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == u' ' || c == u'\t' || c == u'\f') {
            ++m_pos;
        } else if (c == u'\\' && (peek(1) == u'\n' || peek(1) == u'\r')) {
            const qsizetype join = (peek(1) == u'\r' && peek(2) == u'\n') ? 3 : 2;
            if (m_pos + join >= m_text.size())
                return; // a line join needs a line after it: the backslash fails the grammar
            m_pos += join;
        } else if (c == u'#') {
            while (!atEnd() && peek() != u'\n' && peek() != u'\r')
                ++m_pos;
        } else if ((c == u'\n' || c == u'\r') && m_depth > 0) {
            ++m_pos; // an implicit line join inside brackets
        } else {
            return;
        }
    }
}

QString Scanner::where(qsizetype pos) const
{
    // The whole phrase ("at column 3"), not only the place: languages word "at" differently
    // for a column and for the end (Portuguese: "na coluna 3", "no fim").
    if (pos >= m_text.size())
        return ValueText::tr("at the end");
    return ValueText::tr("at column %1").arg(QStringView(m_text).first(pos).toUcs4().size() + 1);
}

bool Scanner::fail(const QString& reason)
{
    if (m_failure.isEmpty())
        m_failure = reason;
    return false;
}

bool Scanner::failExpected(const QString& what)
{
    if (atEnd())
        return fail(ValueText::tr("expected %1 at the end").arg(what));
    const qsizetype length = peek().isHighSurrogate() && peek(1).isLowSurrogate() ? 2 : 1;
    return fail(ValueText::tr("expected %1, found %2 %3")
                    .arg(what, echoInput(m_text.sliced(m_pos, length)), where(m_pos)));
}

void Scanner::noteIssue(const QString& issue)
{
    if (m_issue.isEmpty())
        m_issue = issue;
}

} // namespace twinrun
