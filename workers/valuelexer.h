#pragma once

// Private to the value code: the tokens of Python's grammar that ast.literal_eval reads
// (numbers, strings, blanks and comments), for the parser in valueparser.cpp.

#include <twinrun/value.h>

#include <QString>

namespace twinrun {

class Scanner {
public:
    explicit Scanner(const QString& text)
        : m_text(text)
    {
    }

    // Why the text is not a literal (a syntax error), and why a literal is refused (a value
    // Python itself refuses to build, like a decimal int of more than 4300 digits).
    const QString& failure() const { return m_failure; }
    const QString& issue() const { return m_issue; }

protected:
    // A number token: an int, a float or an imaginary number (complex with real part 0.0).
    bool lexNumber(Value& out);
    // Adjacent string tokens, concatenated: a str or, with a b prefix, bytes.
    bool lexStrings(Value& out);
    // Blanks within a logical line: spaces, tabs, form feeds, comments, explicit line joins,
    // and newlines inside brackets.
    void skipBlanks();

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }
    QString where(qsizetype pos) const;
    bool fail(const QString& reason);
    bool failExpected(const QString& what);
    void noteIssue(const QString& issue);

    const QString& m_text;
    qsizetype m_pos = 0;
    int m_depth = 0; // open brackets: inside them newlines are blanks, as in Python

private:
    bool skipDigitPart(int radix);
    bool lexStringToken(std::u32string& text, bool& isBytes);
    bool decodeBody(qsizetype begin, qsizetype end, bool isBytes, std::u32string& text);

    QString m_failure;
    QString m_issue;
};

// Length of the prefix (r, u, b, br, rb, f, fr, rf in any case) of the string literal that
// starts at `at`, or -1 when no string literal starts there.
qsizetype stringPrefixLength(QStringView text, qsizetype at);

bool isAsciiDigit(QChar c, int radix = 10);
int digitValue(QChar c); // of an ASCII digit in any radix up to 16
bool isIdentifierStart(QChar c);
bool isIdentifierChar(QChar c);

} // namespace twinrun
