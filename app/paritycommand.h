#pragma once

#include "runcontrol.h"
#include "runjson.h"
#include "runrequest.h"
#include <twinrun/pythonrun.h>
#include <twinrun/spillbuffer.h>

#include <QEventLoop>
#include <QObject>

#include <array>
#include <memory>
#include <vector>

namespace twinrun {

class ParityLaunch;

// `twinrun run ... --python`: the call as TwinRun's thread and/or process (--as) and, for each,
// as CPython's Thread / Process (twinrun::ParityLaunch), then a verdict per pair, the first
// differing line of each pair that differs, and the times side by side. Each run's output is
// spooled (bounded memory) and printed under its `== kind name: end ==` header once it and the
// runs before it have ended; --json prints one object per run (the Python runs' in the same
// shape, with their report's fields) and one {"comparisons": [...]} object.
//
// Exit status: 0 when every pair agrees (identical, or differs as documented), 1 otherwise;
// 124 on --timeout, 128+N on SIGINT/SIGTERM, 141/1 when stdout/stderr cannot be written.
class ParityCommand : public QObject {
    Q_OBJECT
public:
    ParityCommand(const RunRequest& request, const PythonSetup& python, QObject* parent = nullptr);
    ~ParityCommand() override;
    int exec();

private:
    struct Run {
        SpillBuffer spool[2];
        CappedCapture capture[2]; // for --json and the differing lines
        bool printed = false;
    };

    void onOutput(int run, Channel channel, const QByteArray& data);
    void printReady();
    void printSection(int run);
    void printVerdicts();
    QString differingLine(int run, Channel channel, qsizetype line) const;
    QByteArray runObject(int run) const;
    QByteArray comparisonsObject() const;
    void stopAll();
    void giveUp();
    bool isDone(int run) const;
    void maybeQuit();

    RunRequest m_request;
    PythonSetup m_python;
    ParityLaunch* m_launch = nullptr;
    std::vector<std::unique_ptr<Run>> m_runs;
    RunControl m_control;
    QEventLoop m_loop;
    bool m_gaveUp = false;
};

} // namespace twinrun
