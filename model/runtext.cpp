#include <twinrun/runtext.h>
#include <twinrun/target.h>
#include <twinrun/worker.h>

#include <QCoreApplication>

namespace twinrun {

QString formatDuration(qint64 ns)
{
    if (ns < 0)
        return {};
    if (ns < 10'000'000)
        return QStringLiteral("%1 ms").arg(QString::number(double(ns) / 1e6, 'f', 2));
    if (ns < 999'950'000)
        return QStringLiteral("%1 ms").arg(QString::number(double(ns) / 1e6, 'f', 1));
    if (ns < 59'995'000'000)
        return QStringLiteral("%1 s").arg(QString::number(double(ns) / 1e9, 'f', 2));
    const qint64 seconds = ns / 1'000'000'000;
    return QStringLiteral("%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString stateText(Worker::State state)
{
    return stateText(Worker::stateName(state));
}

QString stateText(const QString& stateName)
{
    return QCoreApplication::translate("twinrun::Worker", stateName.toUtf8().constData());
}

QString targetDescriptionText(const Target& target)
{
    return QCoreApplication::translate("twinrun::Target", target.description.toUtf8().constData());
}

QString runEndText(const Worker& worker)
{
    return runEndText(Worker::stateName(worker.state()), worker.exitCode(), worker.durationNs());
}

QString runEndText(const QString& stateName, std::optional<int> exitCode, qint64 durationNs)
{
    const QString state = stateText(stateName);
    if (exitCode)
        return QCoreApplication::translate("twinrun::RunText", "%1, exit code %2, %3")
            .arg(state)
            .arg(*exitCode)
            .arg(formatDuration(durationNs));
    return QCoreApplication::translate("twinrun::RunText", "%1, %2")
        .arg(state, formatDuration(durationNs));
}

QString runTimeText(qint64 wallNs, qint64 cpuNs)
{
    const QString wall = formatDuration(wallNs);
    if (cpuNs < 0)
        return wall;
    return QCoreApplication::translate("twinrun::RunText", "%1, CPU %2")
        .arg(wall, formatDuration(cpuNs));
}

QString runTimeText(const Worker& worker)
{
    const qint64 cpuUs = worker.resourceUsage().cpuUs();
    return runTimeText(worker.durationNs(), cpuUs < 0 ? -1 : cpuUs * 1000);
}

} // namespace twinrun
