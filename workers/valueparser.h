#pragma once

// The literal reader's parser (valueparser.cpp: expressions, numbers and words;
// valuecontainers.cpp: tuples, lists, dicts and sets). Private to workers/.

#include "valueinternals.h"
#include "valuelexer.h"

namespace twinrun::literal {

// What one grammar rule produced. Parentheses vanish, as in Python's AST, so the shape still
// tells whether literal_eval would let a sign or a complex '+' apply: only directly on a number.
struct Operand {
    enum class Shape { Number, SignedNumber, Complex, Value };
    Shape shape = Shape::Value;
    Value value;
};

inline Operand valueOperand(Value v)
{
    return {Operand::Shape::Value, std::move(v)};
}

// Recursive descent over the part of Python's expression grammar that ast.literal_eval
// accepts, with Python's tokenizer rules for lines and indentation.
class Parser : public Scanner {
public:
    using Scanner::Scanner;

    // The literal, or nullopt when the text is not one (failure() says why).
    std::optional<Value> parseAll();

private:
    bool skipBlankLines(bool first);
    bool parseExpression(Operand& out);
    bool parseUnary(Operand& out);
    bool parseAtom(Operand& out);
    bool parseWord(Operand& out);
    bool parseParenthesized(Operand& out);
    bool parseList(Operand& out);
    bool parseBraces(Operand& out);
    bool parseMoreItems(Value::Items& items, QChar close);
    bool expectClose(QChar close);
    bool isClose(QChar close) const { return close.isNull() ? atEnd() : peek() == close; }
    void addDictItem(Value::Pairs& pairs, const Value& key, const Value& value);
    void checkHashable(const Value& v, const char* what);

    int m_nesting = 0;                      // recursion depth of parseUnary: brackets and signs
    static constexpr int kMaxNesting = 200; // as CPython's parser's limit on nested brackets
};

} // namespace twinrun::literal
