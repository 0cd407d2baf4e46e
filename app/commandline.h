#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace twinrun {

// What every `twinrun COMMAND` shares: its help, its usage errors and its output.

// Prints text on stdout as UTF-8.
void printOut(const QString& text);

// Prints "CONTEXT: MESSAGE" as one line on stderr and returns 2 (bad usage). Whatever the
// message echoes of the user's input must already be quoted (echoInput, twinrun/echo.h).
int usageError(const QString& context, const QString& message);

// A subcommand's QCommandLineParser: -h/--help ("Show this help."), and a help text whose
// usage line names the command ("Usage: twinrun run [options] TARGET [ARG ...]"), not the
// path the program was started by.
class CommandParser : public QCommandLineParser {
public:
    // command: "run", "bench", ...
    CommandParser(const QString& command, const QString& description);

    QString context() const { return m_context; } // "twinrun run"

    // Parses arguments (those after the command) and says whether the command goes on: nullopt
    // when it does, else the exit status it ends with, after printing what ends it: the help on
    // stdout for -h/--help (0), or a usage error (2) for what does not parse (Qt's message, with
    // what it names quoted, and a hint at `--` for an option-like ARG when the command takes
    // ARGs) and for an ARG given to a command that takes none (acceptsArguments false).
    std::optional<int> parseOrEnd(const QStringList& arguments, bool acceptsArguments = false);
    QString help() const;

private:
    QString parseError(const QStringList& arguments, bool acceptsArguments);

    QString m_context;
    QCommandLineOption m_help;
};

// As Python's argparse does: an argument that looks like a negative number ("-5", "-1.5",
// "-.5", "-1e3", "-0x1f") is an ARG, since no option name starts with a digit. Returns the
// arguments reordered for QCommandLineParser: options (with their values) first, then "--",
// then every ARG in its order. valueOptions: the options that take a value (their value is
// never an ARG, whatever it looks like).
QStringList negativeNumbersAsArguments(const QStringList& arguments,
                                       const QList<QCommandLineOption>& valueOptions);

} // namespace twinrun
