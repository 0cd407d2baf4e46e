#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QSortFilterProxyModel>

namespace twinrun {

class Worker;

// The workers table as the view shows it: sorted, filtered on any column, and with what
// the table model cannot know: a stop that was asked for. After terminate(), the State cell
// reads "running — stop requested" until the worker ends; a thread still running after its
// grace period reads "running — still running, cannot be killed" (the command line's words),
// since nothing more can be done to it. The note goes when the worker ends.
class WorkerFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit WorkerFilterModel(QObject* parent = nullptr);

    void noteStopRequested(Worker* worker);
    QString stopNote(const Worker* worker) const; // empty when none

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    struct Note {
        QPointer<Worker> worker;
        bool unkillable = false;
    };
    void changed(const Worker* worker);
    void forget(const Worker* worker);

    QHash<const Worker*, Note> m_notes;
};

} // namespace twinrun
