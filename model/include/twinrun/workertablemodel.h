#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/resourceusage.h>

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace twinrun {

class Session;
class Worker;

// All workers of a session as a table. Rows follow the session (inserted and removed with
// begin/end calls); changes are coalesced and flushed as one dataChanged per refresh tick
// (default 100 ms), so floods of output never flood the view. Live durations tick too.
// The figures columns (CPU time, CPU %, memory, threads, context switches) show
// Session::usage(): sampled while running, final once ended. Each row keeps its figures,
// read when the row appears, after each sample of its worker and when its worker ends, so
// painting the table reads nothing from the session. An ended worker is not sampled again: its
// row keeps its figures of the end, for a thread (whose memory is the whole app's) the app's
// memory as it was when the thread ended.
class TWINRUN_MODEL_EXPORT WorkerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Backend,
        Call,
        State,
        Ident,
        ExitCode,
        Started,
        Duration,
        Lines,
        CpuTime,    // user + system
        CpuPercent, // now while running, over the whole run once ended
        Memory,     // resident now / peak (a thread: the app's, "shared with the app")
        Threads,
        Switches, // context switches, voluntary / involuntary
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        WorkerRole = Qt::UserRole + 1, // Worker* as QVariant (QObject*)
        StateRole,                     // int(Worker::State)
        BackendRole,                   // int(twinrun::Backend)
        SortRole,                      // a value that sorts naturally for the column
        IdRole                         // the session's stable id
    };

    explicit WorkerTableModel(Session* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    Worker* workerAt(const QModelIndex& index) const;
    QModelIndex indexOf(const Worker* worker, int column = 0) const;
    void setRefreshInterval(int msecs);

    // "-11 (SIGSEGV)" for a crash, "0", "" while running.
    static QString exitCodeText(const Worker& worker);

protected:
    // The figures of worker for its row's copy: Session::usage(). Called when a row appears,
    // after a sample of its worker and when the worker ends, never by data(). Virtual for the
    // tests, which count the reads.
    virtual ResourceUsage readUsage(const Worker& worker) const;

private:
    void markDirty(qsizetype row);
    void flush();
    void onWorkerAdded(qsizetype row);
    void onWorkerRemoved(qsizetype row);
    void startRefreshing();
    QVariant displayData(const Worker& worker, int column) const;
    QVariant sortData(const Worker& worker, int column) const;
    // The figures columns (workertablemodelusage.cpp).
    static bool isUsageColumn(int column) { return column >= CpuTime && column < ColumnCount; }
    QVariant usageData(const Worker& worker, const ResourceUsage& u, int column, int role) const;
    void addUsage(qsizetype row); // a new row's figures, kept fresh from now on
    void cacheUsage(qsizetype row);
    void onSampled(const QList<int>& ids);

    QPointer<Session> m_session;
    // Rows the view knows of: the session announces an added worker after adding it, and
    // the view must go on seeing the old count until endInsertRows().
    int m_rows = 0;
    QSet<qsizetype> m_dirty;
    QList<ResourceUsage> m_usage; // by row, m_rows of them
    QTimer m_refresh;
};

} // namespace twinrun
