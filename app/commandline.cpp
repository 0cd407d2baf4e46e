#include "commandline.h"

#include "clitext.h"

#include <twinrun/echo.h>

#include <QCoreApplication>

#include <cstdio>

namespace twinrun {

namespace {

// QCommandLineParser's own words for its usage line ("Usage: %1 [options]"), looked up as Qt
// does; not in TwinRun's catalogue (lupdate does not see them here).
const char* const kUsage = "Usage: %1";
const char* const kOptions = "[options]";

bool looksLikeNegativeNumber(const QString& argument)
{
    // "-5", "-1.5", "-.5", "-1e3", "-0x1f": a '-' then a digit, or ".digit".
    if (argument.size() < 2 || argument[0] != u'-')
        return false;
    if (argument[1].isDigit())
        return true;
    return argument.size() > 2 && argument[1] == u'.' && argument[2].isDigit();
}

bool takesValue(const QString& name, const QList<QCommandLineOption>& valueOptions)
{
    for (const QCommandLineOption& option : valueOptions) {
        if (option.names().contains(name))
            return true;
    }
    return false;
}

// The option as typed that the parser does not know, or "".
QString firstUnknownOption(const QCommandLineParser& parser, const QStringList& arguments)
{
    const QStringList unknown = parser.unknownOptionNames();
    for (const QString& argument : arguments) {
        if (argument == QLatin1String("--"))
            break;
        if (!argument.startsWith(u'-') || argument.size() < 2)
            continue;
        const QString name = argument.startsWith(QLatin1String("--"))
                                 ? argument.mid(2).section(u'=', 0, 0)
                                 : argument.mid(1, 1);
        if (unknown.contains(name))
            return argument.startsWith(QLatin1String("--")) ? argument.section(u'=', 0, 0)
                                                            : argument;
    }
    return {};
}

} // namespace

void printOut(const QString& text)
{
    std::fputs(text.toUtf8().constData(), stdout);
}

int usageError(const QString& context, const QString& message)
{
    // One line, naming the input and what was expected: scripts read it, people grep it.
    std::fprintf(stderr, "%s: %s\n", context.toUtf8().constData(), message.toUtf8().constData());
    return 2;
}

CommandParser::CommandParser(const QString& command, const QString& description)
    : m_context(QStringLiteral("twinrun ") + command)
    , m_help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
             CliText::tr("Show this help."))
{
    setApplicationDescription(description);
    addOption(m_help);
}

std::optional<int> CommandParser::parseOrEnd(const QStringList& arguments, bool acceptsArguments)
{
    if (const QString error = parseError(arguments, acceptsArguments); !error.isEmpty())
        return usageError(m_context, error);
    if (isSet(m_help)) {
        printOut(help());
        return 0;
    }
    if (!acceptsArguments && !positionalArguments().isEmpty())
        return usageError(m_context, CliText::tr("unexpected argument %1")
                                         .arg(echoInput(positionalArguments().constFirst())));
    return std::nullopt;
}

QString CommandParser::parseError(const QStringList& arguments, bool acceptsArguments)
{
    if (parse(QStringList{m_context} + arguments))
        return {};
    const QString unknown = firstUnknownOption(*this, arguments);
    if (unknown.isEmpty()) {
        QString text = errorText();
        if (text.endsWith(u'.'))
            text.chop(1);
        return text.isEmpty() ? text : text.front().toLower() + text.mid(1);
    }
    QString message = CliText::tr("unknown option %1").arg(echoInput(unknown));
    if (acceptsArguments)
        message += QLatin1Char(' ') +
                   CliText::tr("(an ARG that starts with '-' goes after --: twinrun run TARGET "
                               "[options] -- ARG ...)");
    return message;
}

QString CommandParser::help() const
{
    // Qt names the program by the path it was started with; the usage line names the command.
    // Its words are Qt's, translated by Qt's own catalogue (qtbase_*.qm) when there is one.
    QString text = helpText();
    const qsizetype options = text.indexOf(
        QLatin1Char(' ') + QCoreApplication::translate("QCommandLineParser", kOptions));
    const qsizetype lineEnd = text.indexOf(u'\n');
    if (options >= 0 && (lineEnd < 0 || options < lineEnd))
        text.replace(0, options,
                     QCoreApplication::translate("QCommandLineParser", kUsage).arg(m_context));
    return text;
}

QStringList negativeNumbersAsArguments(const QStringList& arguments,
                                       const QList<QCommandLineOption>& valueOptions)
{
    QStringList options;
    QStringList positional;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        if (argument == QLatin1String("--")) {
            positional += arguments.mid(i + 1);
            break;
        }
        if (looksLikeNegativeNumber(argument) || !argument.startsWith(u'-') ||
            argument == QLatin1String("-")) {
            positional << argument;
            continue;
        }
        options << argument;
        const bool isLong = argument.startsWith(QLatin1String("--"));
        const QString name = isLong ? argument.mid(2) : argument.mid(1);
        // "--as both" takes the next argument as the value, whatever it looks like.
        if (!name.contains(u'=') && takesValue(name, valueOptions) && i + 1 < arguments.size())
            options << arguments[++i];
    }
    if (positional.isEmpty())
        return options;
    return options + QStringList{QStringLiteral("--")} + positional;
}

} // namespace twinrun
