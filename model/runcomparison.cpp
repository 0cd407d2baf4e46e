#include <twinrun/runcomparison.h>
#include <twinrun/runtext.h>
#include <twinrun/worker.h>

#include <QCoreApplication>

#include <QStringList>

namespace twinrun {

namespace {

bool isEnded(const Worker* worker)
{
    return !worker || Worker::isFinal(worker->state());
}

// The verdict's words, in Comparison::summary()'s translation context. (A free tr() function
// here would be filed by lupdate under another context than the one looked up.)
struct ComparisonText {
    Q_DECLARE_TR_FUNCTIONS(twinrun::Comparison)
};

// Why this run's output cannot stand for what its target prints, or "". Whole sentences per
// backend, so that a translation can agree with each noun.
QString whyIncomplete(const Worker* worker, bool thread)
{
    if (!worker)
        return thread ? ComparisonText::tr("the thread is gone")
                      : ComparisonText::tr("the process is gone");
    switch (worker->state()) {
    case Worker::State::Created:
        return thread ? ComparisonText::tr("the thread has not started")
                      : ComparisonText::tr("the process has not started");
    case Worker::State::Starting:
    case Worker::State::Running:
        return thread ? ComparisonText::tr("the thread is still running")
                      : ComparisonText::tr("the process is still running");
    case Worker::State::Terminated:
    case Worker::State::Killed:
        return (thread ? ComparisonText::tr("the thread was stopped (%1)")
                       : ComparisonText::tr("the process was stopped (%1)"))
            .arg(stateText(worker->state()));
    case Worker::State::FailedToStart:
        return thread ? ComparisonText::tr("the thread failed to start")
                      : ComparisonText::tr("the process failed to start");
    case Worker::State::Finished:
    case Worker::State::Failed:
    case Worker::State::Crashed:
        break;
    }
    return {};
}

} // namespace

RunComparison::RunComparison(Worker* thread, Worker* process, QObject* parent)
    : QObject(parent)
    , m_workers{thread, process}
{
    for (int side = 0; side < 2; ++side) {
        Worker* worker = m_workers[side];
        connect(worker, &Worker::output, this,
                [this, side](Channel channel, const QByteArray& data) {
                    m_comparator.feed(side, channel, data);
                });
        connect(worker, &Worker::finished, this, [this, side] { m_comparator.endSide(side); });
    }
}

bool RunComparison::isFinal() const
{
    return isEnded(m_workers[0]) && isEnded(m_workers[1]);
}

QString RunComparison::notComparable() const
{
    QStringList reasons;
    for (int side = 0; side < 2; ++side) {
        const QString why = whyIncomplete(m_workers[side], side == 0);
        if (!why.isEmpty())
            reasons << why;
    }
    for (Channel channel : {Channel::Stdout, Channel::Stderr}) {
        const QString error = m_comparator.result(channel).error;
        if (!error.isEmpty())
            reasons << (channel == Channel::Stdout
                            ? ComparisonText::tr("stdout could not be compared (%1)")
                            : ComparisonText::tr("stderr could not be compared (%1)"))
                           .arg(error);
    }
    return reasons.join(QStringLiteral(", "));
}

Comparison RunComparison::result() const
{
    // A worker's end is known from its state even before its finished() has reached us.
    const bool ended[2] = {isEnded(m_workers[0]), isEnded(m_workers[1])};
    Comparison c;
    c.firstStdoutDiff = m_comparator.result(Channel::Stdout, ended[0], ended[1]).firstDifferentLine;
    c.firstStderrDiff = m_comparator.result(Channel::Stderr, ended[0], ended[1]).firstDifferentLine;
    const std::optional<int> codes[2] = {m_workers[0] ? m_workers[0]->exitCode() : std::nullopt,
                                         m_workers[1] ? m_workers[1]->exitCode() : std::nullopt};
    c.exitCodesDiffer = ended[0] && ended[1] && codes[0] != codes[1];
    c.incomplete = notComparable();
    c.identical =
        c.incomplete.isEmpty() && !c.firstStdoutDiff && !c.firstStderrDiff && !c.exitCodesDiffer;
    return c;
}

} // namespace twinrun
