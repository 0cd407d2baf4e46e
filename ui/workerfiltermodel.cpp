#include "workerfiltermodel.h"

#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QTimer>

namespace twinrun {

WorkerFilterModel::WorkerFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void WorkerFilterModel::noteStopRequested(Worker* worker)
{
    if (!worker->isAlive() || m_notes.contains(worker))
        return;
    m_notes.insert(worker, {worker, false});
    connect(worker, &Worker::finished, this, [this, worker] { forget(worker); });
    connect(worker, &QObject::destroyed, this, [this, worker] { m_notes.remove(worker); });
    if (worker->backend() == Backend::Thread) {
        QTimer::singleShot(worker->terminateGraceMs(), this, [this, w = QPointer<Worker>(worker)] {
            if (!w || !w->stillRunningAfterStop() || !m_notes.contains(w))
                return;
            m_notes[w].unkillable = true;
            changed(w);
        });
    }
    changed(worker);
}

QString WorkerFilterModel::stopNote(const Worker* worker) const
{
    const auto it = m_notes.constFind(worker);
    if (it == m_notes.cend())
        return {};
    return it->unkillable ? tr("still running, cannot be killed") : tr("stop requested");
}

QVariant WorkerFilterModel::data(const QModelIndex& index, int role) const
{
    const QVariant base = QSortFilterProxyModel::data(index, role);
    if (m_notes.isEmpty() || index.column() != WorkerTableModel::State ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return base;
    const auto* worker =
        qobject_cast<const Worker*>(index.data(WorkerTableModel::WorkerRole).value<QObject*>());
    const QString note = stopNote(worker);
    if (note.isEmpty())
        return base;
    return tr("%1 — %2").arg(base.toString(), note);
}

void WorkerFilterModel::changed(const Worker* worker)
{
    auto* table = qobject_cast<WorkerTableModel*>(sourceModel());
    if (!table)
        return;
    const QModelIndex cell = mapFromSource(table->indexOf(worker, WorkerTableModel::State));
    if (cell.isValid())
        emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole});
}

void WorkerFilterModel::forget(const Worker* worker)
{
    if (m_notes.remove(worker))
        changed(worker);
}

} // namespace twinrun
