#include <twinrun/runcomparison.h>
#include <twinrun/worker.h>

#include <QStringList>

namespace twinrun {

namespace {

bool isEnded(const Worker* worker)
{
    return !worker || Worker::isFinal(worker->state());
}

// Why this run's output cannot stand for what its target prints, or "".
QString whyIncomplete(const Worker* worker, const QString& backend)
{
    if (!worker)
        return QStringLiteral("the %1 is gone").arg(backend);
    switch (worker->state()) {
    case Worker::State::Created:
        return QStringLiteral("the %1 has not started").arg(backend);
    case Worker::State::Starting:
    case Worker::State::Running:
        return QStringLiteral("the %1 is still running").arg(backend);
    case Worker::State::Terminated:
    case Worker::State::Killed:
        return QStringLiteral("the %1 was stopped (%2)")
            .arg(backend, Worker::stateName(worker->state()));
    case Worker::State::FailedToStart:
        return QStringLiteral("the %1 failed to start").arg(backend);
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
        const QString why = whyIncomplete(m_workers[side], side == 0 ? QStringLiteral("thread")
                                                                     : QStringLiteral("process"));
        if (!why.isEmpty())
            reasons << why;
    }
    for (Channel channel : {Channel::Stdout, Channel::Stderr}) {
        const QString error = m_comparator.result(channel).error;
        if (!error.isEmpty())
            reasons << QStringLiteral("%1 could not be compared (%2)")
                           .arg(channel == Channel::Stdout ? QStringLiteral("stdout")
                                                           : QStringLiteral("stderr"),
                                error);
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
