#include "benchcommand.h"

#include "bench.h"
#include "clitext.h"
#include "commandline.h"
#include <twinrun/echo.h>

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace twinrun {

namespace {

// An option's whole number greater than 0, or its default when not given; "" or the problem.
QString positive(const QCommandLineParser& parser, const QCommandLineOption& option, qint64* out)
{
    if (!parser.isSet(option))
        return {};
    bool ok = false;
    const qint64 v = parser.value(option).toLongLong(&ok);
    if (!ok || v <= 0)
        return CliText::tr("--%1 %2: expected a whole number greater than 0")
            .arg(option.names().constFirst(), echoInput(parser.value(option)));
    *out = v;
    return {};
}

} // namespace

int benchCommand(const QStringList& arguments)
{
    CommandParser parser(
        QStringLiteral("bench"),
        CliText::tr(
            "Measures launch cost and output throughput of thread and process workers through "
            "the\nWorker API, next to floors measured in the same run. bench/compare.py runs "
            "this and\nPython's threading/multiprocessing side by side."));
    const QCommandLineOption runs(
        QStringLiteral("runs"), CliText::tr("Thread launches (default 200)."), QStringLiteral("N"));
    const QCommandLineOption processRuns(QStringLiteral("process-runs"),
                                         CliText::tr("Process launches (default 50)."),
                                         QStringLiteral("N"));
    const QCommandLineOption lines(QStringLiteral("lines"),
                                   CliText::tr("Lines in the flood (default 1000000)."),
                                   QStringLiteral("N"));
    const QCommandLineOption memoryLines(
        QStringLiteral("memory-lines"),
        CliText::tr("Lines in the memory flood (default 10000000)."), QStringLiteral("N"));
    const QCommandLineOption skipMemory(QStringLiteral("skip-memory"),
                                        CliText::tr("Skip the memory flood."));
    const QCommandLineOption json(QStringLiteral("json"), CliText::tr("Print one JSON object."));
    const QCommandLineOption progressLines(
        QStringLiteral("progress-lines"),
        CliText::tr("Progress on stderr, a line a step: \"progress FRACTION STEP\"."));
    parser.addOptions({runs, processRuns, lines, memoryLines, skipMemory, json, progressLines});
    if (const std::optional<int> ended = parser.parseOrEnd(arguments))
        return *ended;
    bench::Options o;
    qint64 threadRuns = o.threadRuns;
    qint64 procRuns = o.processRuns;
    for (const auto& [option, value] :
         {std::pair{&runs, &threadRuns}, std::pair{&processRuns, &procRuns},
          std::pair{&lines, &o.lines}, std::pair{&memoryLines, &o.memoryLines}}) {
        if (const QString error = positive(parser, *option, value); !error.isEmpty())
            return usageError(parser.context(), error);
    }
    o.threadRuns = static_cast<int>(std::min<qint64>(threadRuns, 1000000));
    o.processRuns = static_cast<int>(std::min<qint64>(procRuns, 100000));
    o.memory = !parser.isSet(skipMemory);
    const bool terminal = ::isatty(STDERR_FILENO);
    if (parser.isSet(progressLines)) // for the window's Benchmark dialog (a child process)
        o.onProgress = [](double done, const QString& step) {
            std::fprintf(stderr, "progress %.4f %s\n", done, step.toUtf8().constData());
            std::fflush(stderr);
        };
    else if (terminal) // one line, redrawn
        o.onProgress = [](double, const QString& step) {
            std::fprintf(stderr, "\r\033[K%s", step.toUtf8().constData());
        };

    const QJsonObject result = bench::run(o);
    if (terminal && !parser.isSet(progressLines))
        std::fputs("\r\033[K", stderr);
    if (parser.isSet(json))
        printOut(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented)));
    else
        printOut(bench::report(result));
    return 0;
}

} // namespace twinrun
