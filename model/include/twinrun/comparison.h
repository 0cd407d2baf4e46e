#pragma once

#include <twinrun/twinrun_model_export.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace twinrun {

// Compares what two runs of the same spec produced (the "Both" mode verdict).
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
    // "identical: same stdout, stderr and exit code" or
    // "different: stdout differs from line 3; exit codes differ"
    QString summary() const;
};

TWINRUN_MODEL_EXPORT Comparison compareRuns(const RunOutcome& a, const RunOutcome& b);

// 1-based number of the first line where a and b differ; 0 when equal.
TWINRUN_MODEL_EXPORT qsizetype firstDifferentLine(const QByteArray& a, const QByteArray& b);

} // namespace twinrun
