#include <twinrun/workertablemodel.h>

#include <twinrun/runtext.h>
#include <twinrun/session.h>
#include <twinrun/usagesampler.h>

#include <QSet>

namespace twinrun {

namespace {

QString megabytes(qint64 kb)
{
    return QStringLiteral("%1 MB").arg(double(kb) / 1024.0, 0, 'f', kb < 10 * 1024 ? 1 : 0);
}

} // namespace

ResourceUsage WorkerTableModel::readUsage(const Worker& worker) const
{
    return m_session ? m_session->usage(&worker) : ResourceUsage();
}

void WorkerTableModel::addUsage(qsizetype row)
{
    Worker* worker = m_session->worker(row);
    m_usage.insert(row, readUsage(*worker));
    // Its final figures (a worker ends after its last sample).
    connect(worker, &Worker::finished, this,
            [this, worker] { cacheUsage(m_session ? m_session->rowOf(worker) : -1); });
}

void WorkerTableModel::cacheUsage(qsizetype row)
{
    if (row >= 0 && row < m_usage.size())
        m_usage[row] = readUsage(*m_session->worker(row));
}

// After a sample: the rows of the workers sampled read their new figures (the session has
// marked them changed: the next flush shows them).
void WorkerTableModel::onSampled(const QList<int>& ids)
{
    const QSet<int> sampled(ids.cbegin(), ids.cend());
    for (int row = 0; m_session && row < m_rows; ++row) {
        if (sampled.contains(m_session->idOf(m_session->worker(row))))
            cacheUsage(row);
    }
}

// What the figures columns show for one worker, from its row's figures u.
QVariant WorkerTableModel::usageData(const Worker& worker, const ResourceUsage& u, int column,
                                     int role) const
{
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
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
