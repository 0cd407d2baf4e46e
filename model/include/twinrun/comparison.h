#pragma once

#include <twinrun/twinrun_model_export.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace twinrun {

// What two runs of the same spec produced, whole (the "Both" mode verdict for outputs that are
// at hand; RunComparison compares live runs of any size by streaming).
struct TWINRUN_MODEL_EXPORT RunOutcome {
    QByteArray out;
    QByteArray err;
    std::optional<int> exitCode;
};

struct TWINRUN_MODEL_EXPORT Comparison {
    bool identical = true;
    qsizetype firstStdoutDiff = 0; // 1-based line where stdout first differs, 0 if equal
    qsizetype firstStderrDiff = 0;
    bool exitCodesDiffer = false;
    // Why the runs cannot be called identical whatever they printed (a run was stopped, is still
    // running or failed to start; the output could not be compared); empty otherwise. When set,
    // identical is false and the line numbers say what differs in the output so far.
    QString incomplete;
    // "identical: same stdout, stderr and exit code",
    // "different: stdout differs from line 3; exit codes differ" or
    // "incomplete: the process was stopped (killed); stdout differs from line 3", in the
    // interface's language when a translator is installed (the window), English otherwise.
    QString summary() const;
};

TWINRUN_MODEL_EXPORT Comparison compareRuns(const RunOutcome& a, const RunOutcome& b);

// 1-based number of the first line where a and b differ; 0 when equal.
TWINRUN_MODEL_EXPORT qsizetype firstDifferentLine(const QByteArray& a, const QByteArray& b);

} // namespace twinrun
