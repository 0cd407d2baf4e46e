#include <twinrun/runtext.h>
#include <twinrun/workertablemodel.h>

#include <twinrun/outputlog.h>
#include <twinrun/session.h>
#include <twinrun/usagesampler.h>

#include <algorithm>
#include <csignal>

namespace twinrun {

namespace {

constexpr int kDefaultRefreshMs = 100;

QString signalName(int signal)
{
    switch (signal) {
    case SIGSEGV:
        return QStringLiteral("SIGSEGV");
    case SIGABRT:
        return QStringLiteral("SIGABRT");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGKILL:
        return QStringLiteral("SIGKILL");
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGBUS:
        return QStringLiteral("SIGBUS");
    case SIGFPE:
        return QStringLiteral("SIGFPE");
    case SIGILL:
        return QStringLiteral("SIGILL");
    case SIGPIPE:
        return QStringLiteral("SIGPIPE");
    }
    return QStringLiteral("SIG%1").arg(signal);
}

QString identText(const Worker& worker)
{
    if (worker.nativeId() == 0)
        return {};
    return (worker.backend() == twinrun::Backend::Process ? QStringLiteral("pid %1")
                                                          : QStringLiteral("tid %1"))
        .arg(worker.nativeId());
}

bool isNumeric(int column)
{
    return column == WorkerTableModel::Ident || column == WorkerTableModel::ExitCode ||
           column == WorkerTableModel::Duration || column == WorkerTableModel::Lines;
}

} // namespace

WorkerTableModel::WorkerTableModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_rows(int(session->count()))
{
    m_refresh.setInterval(kDefaultRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &WorkerTableModel::flush);
    connect(session, &Session::workerAdded, this, &WorkerTableModel::onWorkerAdded);
    connect(session, &Session::workerAboutToBeRemoved, this,
            [this](qsizetype row) { beginRemoveRows({}, int(row), int(row)); });
    connect(session, &Session::workerRemoved, this, &WorkerTableModel::onWorkerRemoved);
    connect(session, &Session::workerChanged, this, &WorkerTableModel::markDirty);
    connect(session, &Session::runningChanged, this, &WorkerTableModel::startRefreshing);
    connect(session->sampler(), &UsageSampler::sampled, this, &WorkerTableModel::onSampled);
    for (qsizetype row = 0; row < m_rows; ++row)
        addUsage(row);
    connect(session, &QObject::destroyed, this, [this] {
        beginResetModel();
        m_rows = 0;
        m_dirty.clear();
        m_usage.clear();
        m_refresh.stop();
        endResetModel();
    });
    if (!session->running().isEmpty())
        startRefreshing();
}

int WorkerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int WorkerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Worker* WorkerTableModel::workerAt(const QModelIndex& index) const
{
    if (!m_session || !index.isValid() || index.model() != this || index.row() >= m_rows)
        return nullptr;
    return m_session->worker(index.row());
}

QModelIndex WorkerTableModel::indexOf(const Worker* worker, int column) const
{
    const qsizetype row = m_session ? m_session->rowOf(worker) : -1;
    if (row < 0 || row >= m_rows || column < 0 || column >= ColumnCount)
        return {};
    return index(int(row), column);
}

QVariant WorkerTableModel::data(const QModelIndex& index, int role) const
{
    const Worker* worker = workerAt(index);
    if (!worker || index.column() >= ColumnCount)
        return {};
    const int column = index.column();
    if (isUsageColumn(column) && (role == Qt::DisplayRole || role == Qt::ToolTipRole ||
                                  role == Qt::TextAlignmentRole || role == SortRole))
        return usageData(*worker, m_usage.at(index.row()), column, role);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*worker, column);
    case Qt::ToolTipRole:
        if ((column == State || column == ExitCode) && !worker->errorString().isEmpty())
            return worker->errorString();
        return {};
    case Qt::TextAlignmentRole:
        if (isNumeric(column))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case WorkerRole:
        return QVariant::fromValue(static_cast<QObject*>(const_cast<Worker*>(worker)));
    case StateRole:
        return int(worker->state());
    case BackendRole:
        return int(worker->backend());
    case SortRole:
        return sortData(*worker, column);
    case IdRole:
        return m_session->idOf(worker);
    }
    return {};
}

QVariant WorkerTableModel::displayData(const Worker& worker, int column) const
{
    switch (Column(column)) {
    case Name:
        return worker.name();
    case Backend:
        return backendName(worker.backend());
    case Call:
        return worker.spec().callText();
    case State:
        return stateText(worker.state());
    case Ident:
        return identText(worker);
    case ExitCode:
        return exitCodeText(worker);
    case Started:
        return worker.startTime().isValid()
                   ? worker.startTime().toString(QStringLiteral("hh:mm:ss.zzz"))
                   : QString();
    case Duration:
        return worker.startTime().isValid() ? formatDuration(worker.durationNs()) : QString();
    case Lines:
        return QString::number(m_session->lineCount(&worker));
    default:
        break;
    }
    return {};
}

QVariant WorkerTableModel::sortData(const Worker& worker, int column) const
{
    switch (Column(column)) {
    case State:
        return int(worker.state());
    case Ident:
        return qint64(worker.nativeId());
    case ExitCode:
        return worker.exitCode() ? QVariant(*worker.exitCode()) : QVariant();
    case Started:
        return worker.startTime().toMSecsSinceEpoch();
    case Duration:
        return worker.durationNs();
    case Lines:
        return qint64(m_session->lineCount(&worker));
    default:
        break;
    }
    return displayData(worker, column);
}

QVariant WorkerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Backend:
        return tr("Backend");
    case Call:
        return tr("Call");
    case State:
        return tr("State");
    case Ident:
        return tr("Ident");
    case ExitCode:
        return tr("Exit code");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    case Lines:
        return tr("Lines");
    case CpuTime:
        return tr("CPU time");
    case CpuPercent:
        return tr("CPU %");
    case Memory:
        return tr("Memory");
    case Threads:
        return tr("Threads");
    case Switches:
        return tr("Switches");
    }
    return {};
}

void WorkerTableModel::setRefreshInterval(int msecs)
{
    m_refresh.setInterval(std::max(msecs, 1));
}

QString WorkerTableModel::exitCodeText(const Worker& worker)
{
    const std::optional<int> code = worker.exitCode();
    if (!code)
        return {};
    if (*code >= 0)
        return QString::number(*code);
    return QStringLiteral("%1 (%2)").arg(*code).arg(signalName(-*code));
}

void WorkerTableModel::onWorkerAdded(qsizetype row)
{
    beginInsertRows({}, int(row), int(row));
    addUsage(row);
    ++m_rows;
    endInsertRows();
}

void WorkerTableModel::onWorkerRemoved(qsizetype row)
{
    QSet<qsizetype> shifted;
    for (qsizetype dirty : std::as_const(m_dirty)) {
        if (dirty != row)
            shifted.insert(dirty > row ? dirty - 1 : dirty);
    }
    m_dirty = shifted;
    m_usage.removeAt(row);
    --m_rows;
    endRemoveRows();
}

void WorkerTableModel::markDirty(qsizetype row)
{
    if (row < 0 || row >= m_rows)
        return;
    m_dirty.insert(row);
    startRefreshing();
}

void WorkerTableModel::startRefreshing()
{
    // Never restart a running timer: under a steady flood it would never get to fire.
    if (!m_refresh.isActive())
        m_refresh.start();
}

void WorkerTableModel::flush()
{
    int first = m_rows;
    int last = -1;
    for (qsizetype row : std::as_const(m_dirty)) {
        first = std::min(first, int(row));
        last = std::max(last, int(row));
    }
    const bool anyDirty = last >= 0;
    bool anyAlive = false;
    for (int row = 0; m_session && row < m_rows; ++row) {
        if (m_session->worker(row)->isAlive()) {
            anyAlive = true;
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    m_dirty.clear();
    if (!anyAlive)
        m_refresh.stop();
    if (last < 0)
        return;
    // One signal per tick: whole rows when something changed, else just the live durations.
    if (anyDirty) {
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1),
                           {Qt::DisplayRole, Qt::ToolTipRole, StateRole, SortRole});
    } else {
        Q_EMIT dataChanged(index(first, Duration), index(last, Duration),
                           {Qt::DisplayRole, SortRole});
    }
}

} // namespace twinrun
