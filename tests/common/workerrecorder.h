#pragma once

#include <twinrun/worker.h>

#include <QByteArray>
#include <QList>
#include <QObject>

// Records everything a worker emits, for assertions.
class WorkerRecorder : public QObject {
public:
    explicit WorkerRecorder(twinrun::Worker* worker)
        : QObject(worker)
    {
        using twinrun::Worker;
        connect(worker, &Worker::stateChanged, this, [this](Worker::State s) { states << s; });
        connect(worker, &Worker::started, this, [this] { ++startedCount; });
        connect(worker, &Worker::finished, this, [this] { ++finishedCount; });
        connect(worker, &Worker::output, this, [this](twinrun::Channel c, const QByteArray& d) {
            ++outputSignals;
            (c == twinrun::Channel::Stdout ? out : err) += d;
            if (finishedCount > 0)
                outputAfterFinished = true;
        });
    }

    QList<twinrun::Worker::State> states;
    QByteArray out;
    QByteArray err;
    int startedCount = 0;
    int finishedCount = 0;
    int outputSignals = 0;
    bool outputAfterFinished = false;
};
