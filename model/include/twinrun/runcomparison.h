#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/comparison.h>
#include <twinrun/streamcomparator.h>

#include <QObject>
#include <QPointer>

namespace twinrun {

class Worker;

// The verdict of a Both launch, the one the window and `twinrun run --as both` give: the thread
// run and the process run of one spec, their complete outputs compared by a StreamComparator
// fed with every chunk each worker writes from the moment this is created (create it before
// starting them). Bounded memory for any output size; lines are counted from each run's first
// byte, whatever a log keeps.
//
// The verdict is identical only when both ran to their own end with the same stdout, stderr
// and exit code: a run that was stopped (terminate/kill, a timeout), is still running or failed
// to start makes it incomplete, whatever the output.
class TWINRUN_MODEL_EXPORT RunComparison : public QObject {
    Q_OBJECT
public:
    RunComparison(Worker* thread, Worker* process, QObject* parent = nullptr);

    Worker* worker(int side) const { return m_workers[side]; } // 0: thread, 1: process
    // Both workers are in a final state: result() will not change any more.
    bool isFinal() const;
    // The verdict so far; final once isFinal(). A worker that is gone counts as stopped.
    Comparison result() const;
    // Lines and bytes each side wrote per channel, dropped from any log or not.
    const StreamComparator& streams() const { return m_comparator; }

private:
    QString notComparable() const;

    QPointer<Worker> m_workers[2];
    StreamComparator m_comparator;
};

} // namespace twinrun
