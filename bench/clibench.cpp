// The command line's memory: `twinrun run flood N` in each output mode, its stdout thrown
// away, measured as that process's own peak RSS (childpeak.h: its VmHWM at exit, not wait4's
// ru_maxrss, which would count the bench's own memory). Issue 8 item 2: the CLI stays bounded
// like the window for any output size.
#include "benchparts.h"
#include "childpeak.h"

#include <QJsonArray>

namespace twinrun::bench {

QJsonObject cliMemory(const Options& o, const QString& program)
{
    using namespace std::chrono_literals;
    const QByteArray lines = QByteArray::number(o.memoryLines);
    const QList<std::pair<QString, QList<QByteArray>>> modes = {
        {QStringLiteral("--as thread"), {"--as", "thread"}},
        {QStringLiteral("--as process"), {"--as", "process"}},
        {QStringLiteral("--as both"), {"--as", "both"}},
        {QStringLiteral("--as process --json"), {"--as", "process", "--json"}},
    };
    QJsonArray runs;
    double worst = 0;
    bool allExact = true;
    for (const auto& [name, modeArgs] : modes) {
        progress(
            o, QStringLiteral("command line memory: run flood %1 %2").arg(o.memoryLines).arg(name));
        const ChildPeak peak = runToPeak(
            program.toLocal8Bit(),
            QList<QByteArray>{"run", "flood", lines, QByteArray::number(o.width)} + modeArgs, 300s);
        worst = std::max(worst, peak.peakRssMb);
        allExact = allExact && peak.exact;
        runs.append(QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("peak_rss_mb"), peak.peakRssMb},
                                {QStringLiteral("peak_rss_exact"), peak.exact},
                                {QStringLiteral("exit_status"), peak.exitStatus}});
    }
    return {{QStringLiteral("lines"), o.memoryLines},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("max_peak_rss_mb"), worst},
            {QStringLiteral("peak_rss_exact"), allExact}};
}

} // namespace twinrun::bench
