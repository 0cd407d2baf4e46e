#include <twinrun/echo.h>
#include <twinrun/value.h>

#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace twinrun {

namespace {

constexpr std::uint64_t kInt64Max = std::numeric_limits<std::int64_t>::max();

const QString kSupportedTypes =
    QStringLiteral("TwinRun values hold None, bool, int, float, str, tuple, list and dict");

bool isAsciiDigit(QChar c, int radix = 10)
{
    const char16_t u = c.unicode();
    if (radix <= 10)
        return u >= u'0' && u < u'0' + radix;
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

int digitValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    return (u | 0x20) - u'a' + 10;
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode() | 0x20;
    return u >= u'a' && u <= u'z';
}

bool isIdentifierStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_' || (c.unicode() > 0x7f && c.isLetter());
}

bool isIdentifierChar(QChar c)
{
    return isIdentifierStart(c) || isAsciiDigit(c) || (c.unicode() > 0x7f && c.isLetterOrNumber());
}

// Length of the prefix (r, u, b, br, rb, f, fr, rf in any case) of the string literal that
// starts at `at`, or -1 when no string literal starts there.
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

// Whether the text opens with a string literal literal_eval could read (f-strings it cannot),
// so that a broken one is refused instead of becoming a str that merely looks quoted.
bool startsWithStringLiteral(QStringView text)
{
    const qsizetype prefix = stringPrefixLength(text, 0);
    return prefix >= 0 && !text.first(prefix).contains(u'f', Qt::CaseInsensitive);
}

void appendCodePoint(QString& out, char32_t cp)
{
    if (QChar::requiresSurrogates(cp)) {
        out += QChar(QChar::highSurrogate(cp));
        out += QChar(QChar::lowSurrogate(cp));
    } else {
        // Lone surrogates from '\ud800' are kept as the single code unit, as Python keeps them.
        out += QChar(char16_t(cp));
    }
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

// Python's ==, which dict keys use: 1, 1.0 and True are the same key.
bool pythonEquals(const Value& a, const Value& b);

bool isIntegerLike(const Value& v)
{
    return v.type() == Value::Type::Int || v.type() == Value::Type::Bool;
}

std::int64_t integerOf(const Value& v)
{
    return v.type() == Value::Type::Bool ? (v.toBool() ? 1 : 0) : v.toInt();
}

bool numbersEqual(const Value& a, const Value& b)
{
    if (isIntegerLike(a) && isIntegerLike(b))
        return integerOf(a) == integerOf(b);
    if (a.type() == Value::Type::Float && b.type() == Value::Type::Float)
        return a.toFloat() == b.toFloat();
    // Python compares an int with a float exactly, not through a rounded conversion.
    const double f = a.type() == Value::Type::Float ? a.toFloat() : b.toFloat();
    const std::int64_t i = integerOf(a.type() == Value::Type::Float ? b : a);
    constexpr double twoTo63 = 9223372036854775808.0;
    return f >= -twoTo63 && f < twoTo63 && std::trunc(f) == f && static_cast<std::int64_t>(f) == i;
}

bool pythonEquals(const Value& a, const Value& b)
{
    const auto numeric = [](const Value& v) {
        return v.isNumber() || v.type() == Value::Type::Bool;
    };
    if (numeric(a) && numeric(b))
        return numbersEqual(a, b);
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Tuple:
    case Value::Type::List:
        return std::equal(a.items().begin(), a.items().end(), b.items().begin(), b.items().end(),
                          pythonEquals);
    default:
        return a == b;
    }
}

bool isHashable(const Value& v)
{
    switch (v.type()) {
    case Value::Type::List:
    case Value::Type::Dict:
        return false;
    case Value::Type::Tuple:
        return std::all_of(v.items().begin(), v.items().end(), isHashable);
    default:
        return true;
    }
}

// A number as read, before any sign applies: an int keeps its magnitude unsigned, so that
// -9223372036854775808 reads although 9223372036854775808 alone is outside 64 bits.
struct Number {
    enum class Kind { Int, Float, Imaginary };
    Kind kind = Kind::Int;
    std::uint64_t magnitude = 0;
    bool beyond64Bits = false; // magnitude does not even fit 64 bits unsigned
    double real = 0.0;
    bool negative = false;
};

// What one grammar rule produced. Parentheses vanish, as in Python's AST, so the shape still
// tells whether literal_eval would let a sign or a complex '+' apply: only directly on a number.
struct Operand {
    enum class Shape { Number, SignedNumber, Complex, Value };
    Shape shape = Shape::Value;
    Number number;
    Value value;
    qsizetype begin = 0; // the operand's text, for messages
    qsizetype end = 0;
};

Operand valueOperand(Value v)
{
    Operand op;
    op.value = std::move(v);
    return op;
}

// Recursive descent over the part of Python's expression grammar that ast.literal_eval
// accepts, with Python's tokenizer rules for numbers, strings, blanks and comments.
class Parser {
public:
    explicit Parser(const QString& text)
        : m_text(text)
    {
    }

    // The literal, or nullopt when the text is not one (failure() says why).
    std::optional<Value> parseAll();
    const QString& failure() const { return m_failure; }
    // Set when the text is a literal a Value cannot hold (complex, bytes, set, an int beyond
    // 64 bits, ...): that is a refusal, never a str.
    const QString& issue() const { return m_issue; }

private:
    bool parseExpression(Operand& out);
    bool parseUnary(Operand& out);
    bool parseAtom(Operand& out);
    bool parseNumber(Operand& out);
    bool parseStrings(Operand& out);
    bool parseStringToken(QString& text, bool& isBytes);
    bool parseEscape(QString& text, bool isBytes, qsizetype tokenStart);
    bool parseWord(Operand& out);
    bool parseParenthesized(Operand& out);
    bool parseList(Operand& out);
    bool parseBraces(Operand& out);
    bool parseMoreItems(Value::Items& items, QChar close);
    bool expectClose(QChar close);
    bool skipDigitPart(int radix);
    void addDictItem(Value::Pairs& pairs, const Operand& key, const Operand& value);
    Value settle(const Operand& op);
    void skipBlanks();

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }
    bool isClose(QChar close) const { return close.isNull() ? atEnd() : peek() == close; }
    QString where(qsizetype pos) const;
    bool fail(const QString& reason);
    bool failExpected(const QString& what);
    void noteIssue(const QString& issue);

    const QString& m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;   // open brackets: inside them newlines are blanks, as in Python
    int m_nesting = 0; // recursion depth of parseUnary: brackets and signs
    static constexpr int kMaxNesting = 200; // as CPython's parser's limit on nested brackets
    QString m_failure;
    QString m_issue;
};

std::optional<Value> Parser::parseAll()
{
    skipBlanks();
    Operand first;
    if (!parseExpression(first))
        return std::nullopt;
    skipBlanks();
    Value result;
    if (peek() == u',') {
        // eval mode reads a bare "1, 2" as a tuple.
        Value::Items items{settle(first)};
        if (!parseMoreItems(items, QChar()))
            return std::nullopt;
        result = Value::tuple(std::move(items));
    } else {
        result = settle(first);
    }
    if (!atEnd()) {
        failExpected(QStringLiteral("',' or the end of the text"));
        return std::nullopt;
    }
    return result;
}

bool Parser::parseExpression(Operand& out)
{
    if (!parseUnary(out))
        return false;
    skipBlanks();
    const QChar op = peek();
    if (op != u'+' && op != u'-')
        return true;
    // literal_eval's only binary operation: a real number plus or minus an imaginary one.
    const qsizetype opPos = m_pos;
    ++m_pos;
    skipBlanks();
    Operand right;
    if (!parseUnary(right))
        return false;
    const bool leftReal = out.shape != Operand::Shape::Value &&
                          out.shape != Operand::Shape::Complex &&
                          out.number.kind != Number::Kind::Imaginary;
    const bool rightImaginary =
        right.shape == Operand::Shape::Number && right.number.kind == Number::Kind::Imaginary;
    if (!leftReal || !rightImaginary) {
        m_pos = opPos;
        return fail(QStringLiteral("'%1' at %2 is an operation, not a literal (literal_eval allows "
                                   "it only in a complex number like 1+2j)")
                        .arg(QString(op), where(opPos)));
    }
    out.shape = Operand::Shape::Complex;
    out.end = right.end;
    return true;
}

bool Parser::parseUnary(Operand& out)
{
    // Every bracket and sign recurses through here: bound it, or deep input overflows the stack.
    struct Nesting {
        int& depth;
        ~Nesting() { --depth; }
    } nesting{++m_nesting};
    if (m_nesting > kMaxNesting)
        return fail(QStringLiteral("nested more than %1 levels deep").arg(kMaxNesting));
    const QChar sign = peek();
    if (sign != u'+' && sign != u'-')
        return parseAtom(out);
    const qsizetype signPos = m_pos;
    ++m_pos;
    skipBlanks();
    const qsizetype operandPos = m_pos;
    if (!parseUnary(out))
        return false;
    if (out.shape != Operand::Shape::Number) {
        m_pos = operandPos;
        return fail(QStringLiteral("a sign applies only directly to a number (as in "
                                   "ast.literal_eval), not to what is at %1")
                        .arg(where(operandPos)));
    }
    if (sign == u'-')
        out.number.negative = !out.number.negative;
    out.shape = Operand::Shape::SignedNumber;
    out.begin = signPos;
    return true;
}

bool Parser::parseAtom(Operand& out)
{
    const qsizetype begin = m_pos;
    const QChar c = peek();
    bool ok = false;
    if (isAsciiDigit(c) || (c == u'.' && isAsciiDigit(peek(1))))
        ok = parseNumber(out);
    else if (stringPrefixLength(m_text, m_pos) >= 0)
        ok = parseStrings(out);
    else if (isIdentifierStart(c))
        ok = parseWord(out);
    else if (c == u'(')
        ok = parseParenthesized(out);
    else if (c == u'[')
        ok = parseList(out);
    else if (c == u'{')
        ok = parseBraces(out);
    else
        return failExpected(QStringLiteral("a value"));
    out.begin = begin;
    out.end = m_pos;
    return ok;
}

// Skips digits in `radix` with single underscores between them (Python's "1_000").
bool Parser::skipDigitPart(int radix)
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

bool Parser::parseNumber(Operand& out)
{
    const qsizetype start = m_pos;
    out = Operand();
    out.shape = Operand::Shape::Number;
    Number& number = out.number;
    const auto readInt = [&](QStringView digits, int radix) {
        std::uint64_t value = 0;
        for (QChar c : digits) {
            if (c == u'_')
                continue;
            const std::uint64_t d = digitValue(c);
            if (value > (std::numeric_limits<std::uint64_t>::max() - d) / radix) {
                number.beyond64Bits = true;
                return;
            }
            value = value * radix + d;
        }
        number.magnitude = value;
    };

    const QChar prefix = peek(1).toLower();
    if (peek() == u'0' && (prefix == u'x' || prefix == u'o' || prefix == u'b')) {
        const int radix = prefix == u'x' ? 16 : prefix == u'o' ? 8 : 2;
        m_pos += 2;
        if (peek() == u'_' && isAsciiDigit(peek(1), radix))
            ++m_pos; // Python allows 0x_1f
        const qsizetype digitsStart = m_pos;
        if (!skipDigitPart(radix))
            return failExpected(QStringLiteral("base-%1 digits").arg(radix));
        readInt(QStringView(m_text).sliced(digitsStart, m_pos - digitsStart), radix);
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
        number.kind = Number::Kind::Imaginary; // refused later, its value never matters
        return true;
    }
    if (isFloat) {
        number.kind = Number::Kind::Float;
        number.real = readDecimalFloat(digits.toStdString());
        return true;
    }
    // Python 3 refuses 01 (the old octal spelling) but reads 00 and 0_0.
    if (digits.startsWith(u'0') && digits.count(u'0') != digits.size()) {
        m_pos = start;
        return fail(
            QStringLiteral("a decimal int cannot have leading zeros (at %1)").arg(where(start)));
    }
    readInt(digits, 10);
    return true;
}

bool Parser::parseStrings(Operand& out)
{
    // Adjacent literals concatenate, as in Python source: 'a' "b" is 'ab'.
    QString text;
    bool bytes = false;
    bool first = true;
    do {
        const qsizetype tokenPos = m_pos;
        bool tokenBytes = false;
        if (!parseStringToken(text, tokenBytes))
            return false;
        if (!first && tokenBytes != bytes) {
            m_pos = tokenPos;
            return fail(QStringLiteral("bytes and str literals cannot be concatenated (at %1)")
                            .arg(where(tokenPos)));
        }
        bytes = tokenBytes;
        first = false;
        skipBlanks();
    } while (stringPrefixLength(m_text, m_pos) >= 0);

    if (bytes) {
        noteIssue(
            QStringLiteral("%1 is a bytes literal; %2").arg(echoInput(m_text), kSupportedTypes));
        out = Operand();
    } else {
        out = valueOperand(Value::fromStr(text));
    }
    return true;
}

bool Parser::parseStringToken(QString& text, bool& isBytes)
{
    const qsizetype start = m_pos;
    const qsizetype prefixLength = stringPrefixLength(m_text, m_pos);
    const QString prefix = m_text.sliced(m_pos, prefixLength).toLower();
    if (prefix.contains(u'f'))
        return fail(QStringLiteral("an f-string (at %1) is not a literal").arg(where(start)));
    const bool raw = prefix.contains(u'r');
    isBytes = prefix.contains(u'b');
    m_pos += prefixLength;

    const auto unterminated = [&] {
        return fail(QStringLiteral("unterminated string starting at %1").arg(where(start)));
    };
    const QChar quote = peek();
    const bool triple = peek(1) == quote && peek(2) == quote;
    m_pos += triple ? 3 : 1;
    for (;;) {
        if (atEnd())
            return unterminated();
        const QChar c = peek();
        if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
            m_pos += triple ? 3 : 1;
            return true;
        }
        if (!triple && (c == u'\n' || c == u'\r'))
            return unterminated();
        if (isBytes && c.unicode() > 0x7f)
            return fail(QStringLiteral("a bytes literal holds only ASCII characters (at %1)")
                            .arg(where(m_pos)));
        if (c != u'\\') {
            text += c;
            ++m_pos;
        } else if (raw) {
            // A raw string keeps the backslash, yet the character after it still cannot end
            // the string: r'\'' is a backslash and a quote.
            text += c;
            ++m_pos;
            if (!atEnd()) {
                text += peek();
                ++m_pos;
            }
        } else if (!parseEscape(text, isBytes, start)) {
            return false;
        }
    }
}

bool Parser::parseEscape(QString& text, bool isBytes, qsizetype tokenStart)
{
    const qsizetype escapePos = m_pos;
    ++m_pos; // the backslash
    if (atEnd())
        return fail(QStringLiteral("unterminated string starting at %1").arg(where(tokenStart)));
    const QChar c = peek();
    ++m_pos;
    const auto readHex = [&](int count, char32_t& value) {
        value = 0;
        for (int i = 0; i < count; ++i, ++m_pos) {
            if (!isAsciiDigit(peek(), 16))
                return false;
            value = value * 16 + digitValue(peek());
        }
        return true;
    };
    const auto badEscape = [&](const QString& what) {
        return fail(QStringLiteral("%1 at %2").arg(what, where(escapePos)));
    };

    switch (c.unicode()) {
    case u'\n':
        return true; // a line continuation
    case u'\r':
        if (peek() == u'\n')
            ++m_pos;
        return true;
    case u'\\':
    case u'\'':
    case u'"':
        text += c;
        return true;
    case u'a':
        text += QChar(u'\a');
        return true;
    case u'b':
        text += QChar(u'\b');
        return true;
    case u'f':
        text += QChar(u'\f');
        return true;
    case u'n':
        text += QChar(u'\n');
        return true;
    case u'r':
        text += QChar(u'\r');
        return true;
    case u't':
        text += QChar(u'\t');
        return true;
    case u'v':
        text += QChar(u'\v');
        return true;
    case u'x': {
        char32_t value = 0;
        if (!readHex(2, value))
            return badEscape(QStringLiteral("truncated \\xXX escape"));
        appendCodePoint(text, value);
        return true;
    }
    case u'u':
    case u'U': {
        if (isBytes)
            break; // not an escape in bytes
        char32_t value = 0;
        if (!readHex(c == u'u' ? 4 : 8, value))
            return badEscape(c == u'u' ? QStringLiteral("truncated \\uXXXX escape")
                                       : QStringLiteral("truncated \\UXXXXXXXX escape"));
        if (value > 0x10ffff)
            return badEscape(QStringLiteral("illegal Unicode character in \\U escape"));
        appendCodePoint(text, value);
        return true;
    }
    case u'N': {
        if (isBytes)
            break;
        // Valid Python, but decoding needs the Unicode name database, which Qt does not carry.
        qsizetype i = m_pos + 1;
        while (i < m_text.size() && (isAsciiLetter(m_text[i]) || isAsciiDigit(m_text[i]) ||
                                     m_text[i] == u' ' || m_text[i] == u'-'))
            ++i;
        if (peek() != u'{' || i == m_pos + 1 || i >= m_text.size() || m_text[i] != u'}')
            return badEscape(QStringLiteral("malformed \\N{...} escape"));
        noteIssue(QStringLiteral("%1 uses the escape %2, which TwinRun cannot decode; write the "
                                 "character itself or its \\uXXXX escape")
                      .arg(echoInput(m_text), m_text.sliced(escapePos, i + 1 - escapePos)));
        m_pos = i + 1;
        return true;
    }
    default:
        if (isAsciiDigit(c, 8)) {
            char32_t value = digitValue(c);
            for (int i = 0; i < 2 && isAsciiDigit(peek(), 8); ++i, ++m_pos)
                value = value * 8 + digitValue(peek());
            appendCodePoint(text, value);
            return true;
        }
        break;
    }
    // Python keeps an unknown escape as typed: '\q' is a backslash and a q.
    text += u'\\';
    text += c;
    return true;
}

bool Parser::parseWord(Operand& out)
{
    const qsizetype start = m_pos;
    while (isIdentifierChar(peek()))
        ++m_pos;
    const QStringView word = QStringView(m_text).sliced(start, m_pos - start);
    if (word == u"True" || word == u"False") {
        out = valueOperand(Value::fromBool(word == u"True"));
        return true;
    }
    if (word == u"None") {
        out = valueOperand(Value());
        return true;
    }
    if (word == u"set") {
        // literal_eval reads "set()" as the empty set.
        const int depth = m_depth;
        skipBlanks();
        if (peek() == u'(') {
            ++m_pos;
            ++m_depth;
            skipBlanks();
            if (peek() == u')') {
                ++m_pos;
                m_depth = depth;
                noteIssue(
                    QStringLiteral("%1 is a set; %2").arg(echoInput(m_text), kSupportedTypes));
                out = Operand();
                return true;
            }
        }
        m_depth = depth;
    }
    m_pos = start;
    return fail(QStringLiteral("%1 at %2 is not a literal (the only words that are: True, False, "
                               "None)")
                    .arg(echoInput(word.toString()), where(start)));
}

bool Parser::parseParenthesized(Operand& out)
{
    ++m_pos;
    ++m_depth;
    skipBlanks();
    if (peek() == u')') {
        ++m_pos;
        --m_depth;
        out = valueOperand(Value::tuple({}));
        return true;
    }
    Operand first;
    if (!parseExpression(first))
        return false;
    skipBlanks();
    if (peek() != u',') {
        // Parentheses only group: (1) is the int 1, and -(5) is still a signed number.
        if (!expectClose(u')'))
            return false;
        out = first;
        return true;
    }
    Value::Items items{settle(first)};
    if (!parseMoreItems(items, u')') || !expectClose(u')'))
        return false;
    out = valueOperand(Value::tuple(std::move(items)));
    return true;
}

bool Parser::parseList(Operand& out)
{
    ++m_pos;
    ++m_depth;
    skipBlanks();
    Value::Items items;
    if (peek() != u']') {
        Operand first;
        if (!parseExpression(first))
            return false;
        items.append(settle(first));
        skipBlanks();
        if (!parseMoreItems(items, u']'))
            return false;
    }
    if (!expectClose(u']'))
        return false;
    out = valueOperand(Value::list(std::move(items)));
    return true;
}

bool Parser::parseBraces(Operand& out)
{
    ++m_pos;
    ++m_depth;
    skipBlanks();
    if (peek() == u'}') {
        ++m_pos;
        --m_depth;
        out = valueOperand(Value::dict({}));
        return true;
    }
    Operand key;
    if (!parseExpression(key))
        return false;
    skipBlanks();
    if (peek() != u':') {
        Value::Items items{settle(key)};
        if (!parseMoreItems(items, u'}') || !expectClose(u'}'))
            return false;
        noteIssue(QStringLiteral("%1 is a set; %2").arg(echoInput(m_text), kSupportedTypes));
        out = Operand();
        return true;
    }
    Value::Pairs pairs;
    for (;;) {
        if (peek() != u':')
            return failExpected(QStringLiteral("':'"));
        ++m_pos;
        skipBlanks();
        Operand value;
        if (!parseExpression(value))
            return false;
        addDictItem(pairs, key, value);
        skipBlanks();
        if (peek() != u',')
            break;
        ++m_pos;
        skipBlanks();
        if (peek() == u'}')
            break;
        if (!parseExpression(key))
            return false;
        skipBlanks();
    }
    if (!expectClose(u'}'))
        return false;
    out = valueOperand(Value::dict(std::move(pairs)));
    return true;
}

// The rest of "item, item, ..." once the first item is read: every comma is followed by
// another item unless `close` comes next (a trailing comma, as Python allows).
bool Parser::parseMoreItems(Value::Items& items, QChar close)
{
    while (peek() == u',') {
        ++m_pos;
        skipBlanks();
        if (isClose(close))
            break;
        Operand next;
        if (!parseExpression(next))
            return false;
        items.append(settle(next));
        skipBlanks();
    }
    return true;
}

bool Parser::expectClose(QChar close)
{
    if (peek() != close)
        return failExpected(QStringLiteral("',' or '%1'").arg(close));
    ++m_pos;
    --m_depth;
    return true;
}

void Parser::addDictItem(Value::Pairs& pairs, const Operand& keyOperand,
                         const Operand& valueOperand)
{
    const Value key = settle(keyOperand);
    const Value value = settle(valueOperand);
    if (!isHashable(key))
        noteIssue(
            QStringLiteral("%1 has a %2 as a dict key, which Python refuses (unhashable type)")
                .arg(echoInput(m_text), key.typeName()));
    // Equal keys keep the first key and the last value, as Python's dict does.
    for (Value::Pair& pair : pairs) {
        if (pythonEquals(pair.first, key)) {
            pair.second = value;
            return;
        }
    }
    pairs.append({key, value});
}

Value Parser::settle(const Operand& op)
{
    switch (op.shape) {
    case Operand::Shape::Value:
        return op.value;
    case Operand::Shape::Complex:
        noteIssue(
            QStringLiteral("%1 is a complex number; %2").arg(echoInput(m_text), kSupportedTypes));
        return Value();
    case Operand::Shape::Number:
    case Operand::Shape::SignedNumber:
        break;
    }
    const Number& n = op.number;
    switch (n.kind) {
    case Number::Kind::Imaginary:
        noteIssue(
            QStringLiteral("%1 is a complex number; %2").arg(echoInput(m_text), kSupportedTypes));
        return Value();
    case Number::Kind::Float:
        return Value::fromFloat(n.negative ? -n.real : n.real);
    case Number::Kind::Int:
        break;
    }
    const std::uint64_t limit = n.negative ? kInt64Max + 1 : kInt64Max;
    if (n.beyond64Bits || n.magnitude > limit) {
        const QString range =
            QStringLiteral("the 64-bit range -9223372036854775808..9223372036854775807");
        const QString literal = m_text.sliced(op.begin, op.end - op.begin);
        noteIssue(literal == m_text
                      ? QStringLiteral("%1 is an int outside %2").arg(echoInput(m_text), range)
                      : QStringLiteral("%1 has the int %2, outside %3")
                            .arg(echoInput(m_text), literal, range));
        return Value();
    }
    // C++20 defines the wrap-around that takes the magnitude 2^63 to INT64_MIN.
    return Value::fromInt(n.negative ? static_cast<std::int64_t>(0 - n.magnitude)
                                     : static_cast<std::int64_t>(n.magnitude));
}

void Parser::skipBlanks()
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == u' ' || c == u'\t' || c == u'\f') {
            ++m_pos;
        } else if (c == u'\\' && (peek(1) == u'\n' || peek(1) == u'\r')) {
            m_pos += (peek(1) == u'\r' && peek(2) == u'\n') ? 3 : 2; // an explicit line join
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

QString Parser::where(qsizetype pos) const
{
    if (pos >= m_text.size())
        return QStringLiteral("the end");
    return QStringLiteral("column %1").arg(QStringView(m_text).first(pos).toUcs4().size() + 1);
}

bool Parser::fail(const QString& reason)
{
    if (m_failure.isEmpty())
        m_failure = reason;
    return false;
}

bool Parser::failExpected(const QString& what)
{
    if (atEnd())
        return fail(QStringLiteral("expected %1 at the end").arg(what));
    const qsizetype length = peek().isHighSurrogate() && peek(1).isLowSurrogate() ? 2 : 1;
    return fail(QStringLiteral("expected %1, found %2 at %3")
                    .arg(what, echoInput(m_text.sliced(m_pos, length)), where(m_pos)));
}

void Parser::noteIssue(const QString& issue)
{
    if (m_issue.isEmpty())
        m_issue = issue;
}

} // namespace

ValueParseResult Value::parse(const QString& text)
{
    const QString input = text.trimmed();
    Parser parser(input);
    std::optional<Value> value = parser.parseAll();
    if (value) {
        if (!parser.issue().isEmpty())
            return {std::nullopt, parser.issue()};
        return {std::move(value), QString()};
    }
    const auto refuse = [&](const QString& what) {
        return ValueParseResult{
            std::nullopt,
            QStringLiteral("%1 is not %2: %3").arg(echoInput(input), what, parser.failure())};
    };
    if (input.startsWith(u'('))
        return refuse(QStringLiteral("a valid tuple literal"));
    if (input.startsWith(u'['))
        return refuse(QStringLiteral("a valid list literal"));
    if (input.startsWith(u'{'))
        return refuse(QStringLiteral("a valid dict literal"));
    if (startsWithStringLiteral(input))
        return refuse(QStringLiteral("one complete string literal"));
    // Not a literal at all: the word as typed, as a user would mean it.
    return {Value::fromStr(input), QString()};
}

} // namespace twinrun
