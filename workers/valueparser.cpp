// The grammar of ast.literal_eval over the tokens of valuelexer.cpp, and Value::parse.

#include "valueparser.h"

#include "librarytext.h"
#include <twinrun/echo.h>

#include <cmath>

namespace twinrun {

namespace literal {

namespace {

Value negated(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Float:
        return Value::fromFloat(-v.toFloat());
    case Value::Type::Complex:
        return Value::fromComplex(-v.real(), -v.imag());
    default: {
        BigInt i =
            ValueInternals::bigInt(v) ? *ValueInternals::bigInt(v) : BigInt::fromInt64(v.toInt());
        i.negate();
        return ValueInternals::fromBigInt(i);
    }
    }
}

} // namespace

// Python's tokenizer between logical lines: blank lines (blanks, a comment) are skipped; a line
// with content must not be indented; nor may the last line be only blanks without a newline.
// Before the value (`first`) it stops at content; after it, content is an error.
bool Parser::skipBlankLines(bool first)
{
    for (;;) {
        const qsizetype lineStart = m_pos;
        int column = 0;
        for (;;) {
            if (peek() == u'\\' && (peek(1) == u'\n' || peek(1) == u'\r')) {
                // A line join: the indentation goes on being measured on the next line.
                const qsizetype join = peek(1) == u'\r' && peek(2) == u'\n' ? 3 : 2;
                if (m_pos + join >= m_text.size())
                    break;
                m_pos += join;
                continue;
            }
            if (peek() != u' ' && peek() != u'\t' && peek() != u'\f')
                break;
            column = peek() == u'\f' ? 0 : peek() == u'\t' ? (column / 8 + 1) * 8 : column + 1;
            ++m_pos;
        }
        const bool comment = peek() == u'#';
        while (!atEnd() && peek() != u'\n' && peek() != u'\r' && comment)
            ++m_pos;
        if (atEnd()) {
            if (column > 0 && !comment) {
                m_pos = lineStart;
                return fail(ValueText::tr("unexpected indent %1").arg(where(lineStart)));
            }
            return first ? failExpected(ValueText::tr("a value")) : true;
        }
        if (peek() == u'\n' || peek() == u'\r') {
            m_pos += peek() == u'\r' && peek(1) == u'\n' ? 2 : 1;
            continue;
        }
        if (!first)
            return failExpected(ValueText::tr("the end of the text"));
        if (column > 0) {
            m_pos = lineStart;
            return fail(ValueText::tr("unexpected indent %1").arg(where(lineStart)));
        }
        return true;
    }
}

std::optional<Value> Parser::parseAll()
{
    if (m_text.contains(QChar(0))) {
        // Python's own words (literal_eval's ValueError), compared with CPython's: never
        // translated.
        fail(QStringLiteral("source code string cannot contain null bytes"));
        return std::nullopt;
    }
    // literal_eval strips leading spaces and tabs; the tokenizer does the rest.
    while (peek() == u' ' || peek() == u'\t')
        ++m_pos;
    if (!skipBlankLines(true))
        return std::nullopt;
    Operand first;
    if (!parseExpression(first))
        return std::nullopt;
    skipBlanks();
    Value result;
    if (peek() == u',') {
        // eval mode reads a bare "1, 2" as a tuple.
        Value::Items items{first.value};
        if (!parseMoreItems(items, QChar()))
            return std::nullopt;
        result = Value::tuple(std::move(items));
    } else {
        result = first.value;
    }
    if (!atEnd() && peek() != u'\n' && peek() != u'\r') {
        failExpected(ValueText::tr("',' or the end of the text"));
        return std::nullopt;
    }
    if (!skipBlankLines(false))
        return std::nullopt;
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
                          out.value.type() != Value::Type::Complex;
    const bool rightImaginary =
        right.shape == Operand::Shape::Number && right.value.type() == Value::Type::Complex;
    if (!leftReal || !rightImaginary) {
        m_pos = opPos;
        return fail(ValueText::tr("'%1' %2 is an operation, not a literal (literal_eval allows "
                                  "it only in a complex number like 1+2j)")
                        .arg(QString(op), where(opPos)));
    }
    // Python's int/float + complex: the real number becomes complex(x, 0.0) first.
    const double left = out.value.toFloat();
    if (std::isinf(left) && out.value.type() == Value::Type::Int)
        // Python's own words (its OverflowError), compared with CPython's: never translated.
        noteIssue(QStringLiteral("int too large to convert to float"));
    const double imag = right.value.imag();
    out.value = op == u'+' ? Value::fromComplex(left + 0.0, 0.0 + imag)
                           : Value::fromComplex(left - 0.0, 0.0 - imag);
    out.shape = Operand::Shape::Complex;
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
        return fail(ValueText::tr("nested more than %1 levels deep").arg(kMaxNesting));
    const QChar sign = peek();
    if (sign != u'+' && sign != u'-')
        return parseAtom(out);
    ++m_pos;
    skipBlanks();
    const qsizetype operandPos = m_pos;
    if (!parseUnary(out))
        return false;
    if (out.shape != Operand::Shape::Number) {
        m_pos = operandPos;
        return fail(ValueText::tr("a sign applies only directly to a number (as in "
                                  "ast.literal_eval), not to what is %1")
                        .arg(where(operandPos)));
    }
    if (sign == u'-')
        out.value = negated(out.value);
    out.shape = Operand::Shape::SignedNumber;
    return true;
}

bool Parser::parseAtom(Operand& out)
{
    const QChar c = peek();
    if (isAsciiDigit(c) || (c == u'.' && isAsciiDigit(peek(1)))) {
        out.shape = Operand::Shape::Number;
        return lexNumber(out.value);
    }
    if (c == u'.' && peek(1) == u'.' && peek(2) == u'.') {
        m_pos += 3;
        out = valueOperand(Value::ellipsis());
        return true;
    }
    if (stringPrefixLength(m_text, m_pos) >= 0) {
        out.shape = Operand::Shape::Value;
        return lexStrings(out.value);
    }
    if (isIdentifierStart(c))
        return parseWord(out);
    if (c == u'(')
        return parseParenthesized(out);
    if (c == u'[')
        return parseList(out);
    if (c == u'{')
        return parseBraces(out);
    return failExpected(ValueText::tr("a value"));
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
                out = valueOperand(Value::set({}));
                return true;
            }
        }
        m_depth = depth;
    }
    m_pos = start;
    //: True, False and None are Python's words: keep them as they are.
    return fail(ValueText::tr("%1 %2 is not a literal (the only words that are: True, False, "
                              "None)")
                    .arg(echoInput(word.toString()), where(start)));
}

// Whether the text (past its blanks) opens like a string literal literal_eval could read
// (f-strings it cannot) or a container, so that a broken one is refused instead of becoming a
// str that merely looks like a literal.
static QString refusalKind(QStringView text)
{
    while (!text.isEmpty() && (text.front().isSpace()))
        text = text.sliced(1);
    if (text.startsWith(u'('))
        return ValueText::tr("a valid tuple literal");
    if (text.startsWith(u'['))
        return ValueText::tr("a valid list literal");
    if (text.startsWith(u'{'))
        return ValueText::tr("a valid dict or set literal");
    const qsizetype prefix = stringPrefixLength(text, 0);
    if (prefix >= 0 && !text.first(prefix).contains(u'f', Qt::CaseInsensitive))
        return ValueText::tr("one complete string literal");
    return QString();
}

} // namespace literal

ValueParseResult Value::parse(const QString& text)
{
    literal::Parser parser(text);
    std::optional<Value> value = parser.parseAll();
    if (value) {
        if (!parser.issue().isEmpty())
            return {std::nullopt,
                    ValueText::tr("%1 is refused: %2").arg(echoInput(text), parser.issue())};
        return {std::move(value), QString()};
    }
    const QString kind = literal::refusalKind(text);
    if (!kind.isEmpty())
        return {std::nullopt,
                ValueText::tr("%1 is not %2: %3").arg(echoInput(text), kind, parser.failure())};
    // Not a literal at all: the text exactly as typed, as a user would mean it.
    return {Value::fromStr(text), QString()};
}

} // namespace twinrun
