// String and bytes literals: a token's extent as Python's tokenizer finds it, then its escapes.

#include "librarytext.h"
#include "unicodenames.h"
#include "valuelexer.h"

namespace twinrun {

bool Scanner::lexStrings(Value& out)
{
    // Adjacent literals concatenate, as in Python source: 'a' "b" is 'ab'.
    std::u32string text;
    bool bytes = false;
    bool first = true;
    do {
        const qsizetype tokenPos = m_pos;
        bool tokenBytes = false;
        if (!lexStringToken(text, tokenBytes))
            return false;
        if (!first && tokenBytes != bytes) {
            m_pos = tokenPos;
            return fail(ValueText::tr("bytes and str literals cannot be concatenated (%1)")
                            .arg(where(tokenPos)));
        }
        bytes = tokenBytes;
        first = false;
        skipBlanks();
    } while (stringPrefixLength(m_text, m_pos) >= 0);

    if (bytes) {
        QByteArray data;
        data.reserve(qsizetype(text.size()));
        for (const char32_t b : text)
            data += char(b);
        out = Value::fromBytes(data);
    } else {
        out = Value::fromCodePoints(std::move(text));
    }
    return true;
}

bool Scanner::lexStringToken(std::u32string& text, bool& isBytes)
{
    const qsizetype start = m_pos;
    const qsizetype prefixLength = stringPrefixLength(m_text, m_pos);
    const QString prefix = m_text.sliced(m_pos, prefixLength).toLower();
    if (prefix.contains(u'f'))
        return fail(ValueText::tr("an f-string (%1) is not a literal").arg(where(start)));
    const bool raw = prefix.contains(u'r');
    isBytes = prefix.contains(u'b');
    m_pos += prefixLength;

    // First the token's extent, as Python's tokenizer finds it (a backslash shields the next
    // character, raw or not), then its body is decoded.
    const QChar quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    m_pos += triple ? 3 : 1;
    const qsizetype bodyStart = m_pos;
    for (;;) {
        if (atEnd())
            return fail(ValueText::tr("unterminated string starting %1").arg(where(start)));
        const QChar c = peek();
        if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote)))
            break;
        if (!triple && (c == u'\n' || c == u'\r'))
            return fail(ValueText::tr("unterminated string starting %1").arg(where(start)));
        if (isBytes && c.unicode() > 0x7f)
            return fail(ValueText::tr("a bytes literal holds only ASCII characters (%1)")
                            .arg(where(m_pos)));
        m_pos += c == u'\\' && m_pos + 1 < m_text.size() ? 2 : 1;
    }
    const qsizetype bodyEnd = m_pos;
    m_pos += triple ? 3 : 1;
    if (raw) {
        text += toCodePoints(QStringView(m_text).sliced(bodyStart, bodyEnd - bodyStart));
        return true;
    }
    return decodeBody(bodyStart, bodyEnd, isBytes, text);
}

bool Scanner::decodeBody(qsizetype begin, qsizetype end, bool isBytes, std::u32string& text)
{
    // Python's decoder reports positions in the body with each non-ASCII character counted as
    // the 10 bytes of the \UXXXXXXXX escape its tokenizer first turns it into.
    const auto codePointAt = [&](qsizetype at, qsizetype* length) -> char32_t {
        const bool pair =
            m_text[at].isHighSurrogate() && at + 1 < end && m_text[at + 1].isLowSurrogate();
        *length = pair ? 2 : 1;
        return pair ? QChar::surrogateToUcs4(m_text[at], m_text[at + 1]) : m_text[at].unicode();
    };
    const auto pyLength = [&](qsizetype from, qsizetype to) {
        qsizetype n = 0, length = 0;
        for (qsizetype at = from; at < to; at += length)
            n += codePointAt(at, &length) < 0x80 ? 1 : 10;
        return n;
    };
    const auto readHex = [&](qsizetype& at, int count, char32_t& value) {
        value = 0;
        for (int k = 0; k < count; ++k, ++at) {
            if (at >= end || !isAsciiDigit(m_text[at], 16))
                return false;
            value = value * 16 + digitValue(m_text[at]);
        }
        return true;
    };

    qsizetype i = begin;
    while (i < end) {
        qsizetype length = 0;
        const char32_t c = codePointAt(i, &length);
        if (c != U'\\') {
            text += c;
            i += length;
            continue;
        }
        const qsizetype escapePos = i;
        const char32_t e = codePointAt(i + 1, &length);
        i += 1 + length;
        // "truncated \xXX escape at column 3": Python's words for what is wrong, but not
        // its message (which names byte positions), so translated like TwinRun's own.
        const auto badEscape = [&](const QString& what) {
            return fail(what.arg(where(escapePos)));
        };
        const auto badName = [&](qsizetype stop, const char* why) {
            const qsizetype from = pyLength(begin, escapePos);
            // Python's own words (compared with CPython's): never translated.
            return fail(QStringLiteral("(unicode error) 'unicodeescape' codec can't decode bytes "
                                       "in position %1-%2: %3")
                            .arg(from)
                            .arg(from + pyLength(escapePos, stop) - 1)
                            .arg(QLatin1String(why)));
        };
        switch (e) {
        case U'\n':
            continue; // a line continuation
        case U'\r':
            if (i < end && m_text[i] == u'\n')
                ++i;
            continue;
        case U'\\':
        case U'\'':
        case U'"':
            text += e;
            continue;
        case U'a':
            text += U'\a';
            continue;
        case U'b':
            text += U'\b';
            continue;
        case U'f':
            text += U'\f';
            continue;
        case U'n':
            text += U'\n';
            continue;
        case U'r':
            text += U'\r';
            continue;
        case U't':
            text += U'\t';
            continue;
        case U'v':
            text += U'\v';
            continue;
        case U'x': {
            char32_t value = 0;
            if (!readHex(i, 2, value))
                return badEscape(ValueText::tr("truncated \\xXX escape %1"));
            text += value;
            continue;
        }
        case U'u':
        case U'U': {
            if (isBytes)
                break; // not an escape in bytes
            char32_t value = 0;
            if (!readHex(i, e == U'u' ? 4 : 8, value))
                return badEscape(e == U'u' ? ValueText::tr("truncated \\uXXXX escape %1")
                                           : ValueText::tr("truncated \\UXXXXXXXX escape %1"));
            if (value > 0x10ffff)
                return badEscape(ValueText::tr("illegal Unicode character in \\U escape %1"));
            text += value; // a surrogate stays a lone code point, as in Python
            continue;
        }
        case U'N': {
            if (isBytes)
                break;
            if (i >= end || m_text[i] != u'{')
                return badName(i, "malformed \\N character escape");
            const qsizetype nameStart = i + 1;
            qsizetype close = nameStart;
            while (close < end && m_text[close] != u'}')
                ++close;
            if (close >= end)
                return badName(end, "malformed \\N character escape");
            if (close == nameStart)
                return badName(close, "malformed \\N character escape");
            const std::optional<char32_t> named =
                lookupUnicodeName(QStringView(m_text).sliced(nameStart, close - nameStart));
            if (!named)
                return badName(close + 1, "unknown Unicode character name");
            text += *named;
            i = close + 1;
            continue;
        }
        default:
            if (e >= U'0' && e <= U'7') {
                char32_t value = e - U'0';
                for (int k = 0; k < 2 && i < end && isAsciiDigit(m_text[i], 8); ++k, ++i)
                    value = value * 8 + digitValue(m_text[i]);
                text += isBytes ? (value & 0xff) : value;
                continue;
            }
            break;
        }
        // Python keeps an unknown escape as typed: '\q' is a backslash and a q.
        text += U'\\';
        text += e;
    }
    return true;
}

} // namespace twinrun
