#include "bench.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <climits>

namespace twinrun::bench {

namespace {

// The report's words for people, translated from the locale as the command line's are
// (app/clitext.h); bench --json and the progress lines are not.
struct ReportText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::BenchReport)
};

// A count as tr()'s n, which picks the plural form (the text shows the count itself).
int pluralOf(qint64 count)
{
    return static_cast<int>(std::clamp<qint64>(count, 0, INT_MAX));
}

QString us(const QJsonObject& stats, const char* key)
{
    const QJsonObject s = stats.value(QLatin1String(key)).toObject();
    if (s.isEmpty())
        return QStringLiteral("-");
    return QStringLiteral("%1 / %2 / %3")
        .arg(s.value(QStringLiteral("min")).toDouble(), 0, 'f', 0)
        .arg(s.value(QStringLiteral("median")).toDouble(), 0, 'f', 0)
        .arg(s.value(QStringLiteral("p90")).toDouble(), 0, 'f', 0);
}

} // namespace

QString report(const QJsonObject& r)
{
    QString text =
        ReportText::tr("Launch (create + start + join of noop), microseconds: min / median / p90") +
        QLatin1Char('\n');
    text += QStringLiteral("  %1 %2 %3\n")
                .arg(ReportText::tr("worker"), -32)
                .arg(ReportText::tr("to running"), -22)
                .arg(ReportText::tr("to joined"));
    for (const QJsonValue& v : r.value(QStringLiteral("launch")).toArray()) {
        const QJsonObject o = v.toObject();
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(o.value(QStringLiteral("name")).toString(), -32)
                    .arg(us(o, "running_us"), -22)
                    .arg(us(o, "joined_us"));
    }
    text += QLatin1Char('\n') + ReportText::tr("Output flood captured into the worker's log") +
            QLatin1Char('\n');
    for (const QJsonValue& v : r.value(QStringLiteral("flood")).toArray()) {
        const QJsonObject o = v.toObject();
        const qint64 lines = o.value(QStringLiteral("lines")).toInteger();
        text += QStringLiteral("  %1 %2\n")
                    .arg(o.value(QStringLiteral("name")).toString(), -26)
                    .arg(ReportText::tr("%1 lines in %2 s: %3 lines/s, %4 MB/s", nullptr,
                                        pluralOf(lines))
                             .arg(lines)
                             .arg(o.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 3)
                             .arg(o.value(QStringLiteral("lines_per_s")).toDouble(), 0, 'f', 0)
                             .arg(o.value(QStringLiteral("mb_per_s")).toDouble(), 0, 'f', 1));
    }
    const QJsonObject memory = r.value(QStringLiteral("memory")).toObject();
    if (!memory.isEmpty())
        text += QLatin1Char('\n') +
                ReportText::tr("Memory: %1-line flood, peak RSS %2 MB (log kept %3 lines, "
                               "dropped %4)")
                    .arg(memory.value(QStringLiteral("lines")).toInteger())
                    .arg(memory.value(QStringLiteral("peak_rss_mb")).toDouble(), 0, 'f', 1)
                    .arg(memory.value(QStringLiteral("log_lines_kept")).toInteger())
                    .arg(memory.value(QStringLiteral("log_lines_dropped")).toInteger()) +
                QLatin1Char('\n');
    const QJsonObject cli = r.value(QStringLiteral("cli_memory")).toObject();
    for (const QJsonValue& run : cli.value(QStringLiteral("runs")).toArray())
        text += (run[QStringLiteral("peak_rss_exact")].toBool()
                     ? ReportText::tr("Command line: run flood %1 %2, peak RSS %3 MB")
                     : ReportText::tr("Command line: run flood %1 %2, peak RSS at most %3 MB "
                                      "(not traced: the kernel's figure counts the bench's "
                                      "own memory too)"))
                    .arg(cli.value(QStringLiteral("lines")).toInteger())
                    .arg(run[QStringLiteral("name")].toString())
                    .arg(run[QStringLiteral("peak_rss_mb")].toDouble(), 0, 'f', 1) +
                QLatin1Char('\n');
    const QJsonObject resp = r.value(QStringLiteral("responsiveness")).toObject();
    if (!resp.isEmpty())
        text += ReportText::tr("Responsiveness: %n workers flooding, event-loop stall max %1 ms, "
                               "p99 %2 ms",
                               nullptr, resp.value(QStringLiteral("workers")).toInt())
                    .arg(resp.value(QStringLiteral("max_stall_ms")).toDouble(), 0, 'f', 1)
                    .arg(resp.value(QStringLiteral("p99_stall_ms")).toDouble(), 0, 'f', 1) +
                QLatin1Char('\n');
    const QJsonObject sampling = r.value(QStringLiteral("sampling")).toObject();
    if (!sampling.isEmpty())
        text +=
            ReportText::tr("Sampling %n process workers once a second: %1% of one CPU (the "
                           "whole process, less what it spends without sampling: %2%)",
                           nullptr, sampling.value(QStringLiteral("workers")).toInt())
                .arg(sampling.value(QStringLiteral("sampler_cpu_percent")).toDouble(), 0, 'f', 2)
                .arg(sampling.value(QStringLiteral("process_cpu_percent")).toDouble(), 0, 'f', 2) +
            QLatin1Char('\n');
    return text;
}

} // namespace twinrun::bench
