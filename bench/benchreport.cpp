#include "bench.h"

#include <QJsonArray>

namespace twinrun::bench {

namespace {

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
    QString text = QStringLiteral(
        "Launch (create + start + join of noop), microseconds: min / median / p90\n");
    text += QStringLiteral("  %1 %2 %3\n")
                .arg(QStringLiteral("worker"), -32)
                .arg(QStringLiteral("to running"), -22)
                .arg(QStringLiteral("to joined"));
    for (const QJsonValue& v : r.value(QStringLiteral("launch")).toArray()) {
        const QJsonObject o = v.toObject();
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(o.value(QStringLiteral("name")).toString(), -32)
                    .arg(us(o, "running_us"), -22)
                    .arg(us(o, "joined_us"));
    }
    text += QStringLiteral("\nOutput flood captured into the worker's log\n");
    for (const QJsonValue& v : r.value(QStringLiteral("flood")).toArray()) {
        const QJsonObject o = v.toObject();
        text += QStringLiteral("  %1 %2 lines in %3 s: %4 lines/s, %5 MB/s\n")
                    .arg(o.value(QStringLiteral("name")).toString(), -26)
                    .arg(o.value(QStringLiteral("lines")).toInteger())
                    .arg(o.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 3)
                    .arg(o.value(QStringLiteral("lines_per_s")).toDouble(), 0, 'f', 0)
                    .arg(o.value(QStringLiteral("mb_per_s")).toDouble(), 0, 'f', 1);
    }
    const QJsonObject memory = r.value(QStringLiteral("memory")).toObject();
    if (!memory.isEmpty())
        text += QStringLiteral(
                    "\nMemory: %1-line flood, peak RSS %2 MB (log kept %3 lines, dropped %4)\n")
                    .arg(memory.value(QStringLiteral("lines")).toInteger())
                    .arg(memory.value(QStringLiteral("peak_rss_mb")).toDouble(), 0, 'f', 1)
                    .arg(memory.value(QStringLiteral("log_lines_kept")).toInteger())
                    .arg(memory.value(QStringLiteral("log_lines_dropped")).toInteger());
    const QJsonObject cli = r.value(QStringLiteral("cli_memory")).toObject();
    for (const QJsonValue& run : cli.value(QStringLiteral("runs")).toArray())
        text += QStringLiteral("Command line: run flood %1 %2, peak RSS %3 MB\n")
                    .arg(cli.value(QStringLiteral("lines")).toInteger())
                    .arg(run[QStringLiteral("name")].toString())
                    .arg(run[QStringLiteral("peak_rss_mb")].toDouble(), 0, 'f', 1);
    const QJsonObject resp = r.value(QStringLiteral("responsiveness")).toObject();
    if (!resp.isEmpty())
        text += QStringLiteral(
                    "Responsiveness: %1 workers flooding, event-loop stall max %2 ms, p99 %3 ms\n")
                    .arg(resp.value(QStringLiteral("workers")).toInt())
                    .arg(resp.value(QStringLiteral("max_stall_ms")).toDouble(), 0, 'f', 1)
                    .arg(resp.value(QStringLiteral("p99_stall_ms")).toDouble(), 0, 'f', 1);
    const QJsonObject sampling = r.value(QStringLiteral("sampling")).toObject();
    if (!sampling.isEmpty())
        text +=
            QStringLiteral("Sampling %1 process workers once a second: %2% of one CPU (the whole "
                           "process, less what it spends without sampling: %3%)\n")
                .arg(sampling.value(QStringLiteral("workers")).toInt())
                .arg(sampling.value(QStringLiteral("sampler_cpu_percent")).toDouble(), 0, 'f', 2)
                .arg(sampling.value(QStringLiteral("process_cpu_percent")).toDouble(), 0, 'f', 2);
    return text;
}

} // namespace twinrun::bench
