// The containers of ast.literal_eval's grammar: tuples, lists, dicts and sets.

#include "valueparser.h"

#include <twinrun/echo.h>

namespace twinrun::literal {

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
    Value::Items items{first.value};
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
        items.append(first.value);
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
        Value::Items items{key.value};
        if (!parseMoreItems(items, u'}') || !expectClose(u'}'))
            return false;
        for (const Value& item : items)
            checkHashable(item, "a set element");
        out = valueOperand(Value::set(std::move(items)));
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
        addDictItem(pairs, key.value, value.value);
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
        if (isClose(close) || (close.isNull() && (peek() == u'\n' || peek() == u'\r')))
            break;
        Operand next;
        if (!parseExpression(next))
            return false;
        items.append(next.value);
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

void Parser::checkHashable(const Value& v, const char* what)
{
    if (!isHashable(v))
        noteIssue(QStringLiteral("%1 has a %2 as %3, which Python refuses (unhashable type)")
                      .arg(echoInput(m_text), v.typeName(), QLatin1String(what)));
}

void Parser::addDictItem(Value::Pairs& pairs, const Value& key, const Value& value)
{
    checkHashable(key, "a dict key");
    // Equal keys keep the first key and the last value, as Python's dict does.
    for (Value::Pair& pair : pairs) {
        if (pythonEquals(pair.first, key)) {
            pair.second = value;
            return;
        }
    }
    pairs.append({key, value});
}

} // namespace twinrun::literal
