#include <twinrun/workertablemodel.h>

#include <twinrun/runtext.h>
#include <twinrun/session.h>

namespace twinrun {

namespace {

QString megabytes(qint64 kb)
{
    return QStringLiteral("%1 MB").arg(double(kb) / 1024.0, 0, 'f', kb < 10 * 1024 ? 1 : 0);
}

} // namespace

// What the figures columns show for one worker (see Session::usage()).
QVariant WorkerTableModel::usageData(const Worker& worker, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    const ResourceUsage u = m_session->usage(&worker);
    const bool process = worker.backend() == twinrun::Backend::Process;
    if (role == SortRole) {
        switch (column) {
        case CpuTime:
            return u.cpuUs();
        case CpuPercent:
            return u.cpuPercent;
        case Memory:
            return process ? u.peakRssKb : qint64(-1);
        case Threads:
            return u.threads;
        case Switches:
            return u.isValid() ? u.voluntarySwitches + u.involuntarySwitches : -1;
        }
        return {};
    }
    if (!u.isValid())
        return {};
    const bool ended = Worker::isFinal(worker.state());
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case CpuTime:
            return tr("user %1, system %2%3")
                .arg(formatDuration(u.cpuUserUs * 1000), formatDuration(u.cpuSystemUs * 1000),
                     u.exact ? QString() : tr(" (sampled while it ran)"));
        case CpuPercent:
            return ended ? tr("Average over the whole run: 100% is one CPU all the time")
                         : tr("Over the last sampling interval: 100% is one CPU all the time");
        case Memory:
            if (u.memorySharedWithApp)
                return tr("A thread has no memory of its own: the app's resident memory is %1 "
                          "(peak %2)")
                    .arg(megabytes(u.rssKb), megabytes(u.peakRssKb));
            return tr("Resident memory now / at its peak");
        case Switches:
            return tr("Context switches: voluntary (waiting) / involuntary (preempted)");
        }
        return {};
    }
    switch (column) {
    case CpuTime:
        return formatDuration(u.cpuUs() * 1000);
    case CpuPercent:
        return u.cpuPercent < 0 ? QString() : QStringLiteral("%1%").arg(u.cpuPercent, 0, 'f', 0);
    case Memory:
        if (u.memorySharedWithApp)
            return tr("shared with the app");
        if (u.rssKb >= 0)
            return QStringLiteral("%1 / %2").arg(megabytes(u.rssKb), megabytes(u.peakRssKb));
        return u.peakRssKb >= 0 ? tr("peak %1").arg(megabytes(u.peakRssKb)) : QString();
    case Threads:
        return u.threads >= 0 ? QString::number(u.threads) : QString();
    case Switches:
        return QStringLiteral("%1 / %2").arg(u.voluntarySwitches).arg(u.involuntarySwitches);
    }
    return {};
}

} // namespace twinrun
