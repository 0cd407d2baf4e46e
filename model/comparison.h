#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace twinrun {

// Compares what two runs of the same spec produced (the "Both" mode verdict).
struct RunOutcome {
    QByteArray out;
    QByteArray err;
    std::optional<int> exitCode;
};

struct Comparison {
    bool identical = true;
    qsizetype firstStdoutDiff = 0; // 1-based line where stdout first differs, 0 if equal
    qsizetype firstStderrDiff = 0;
    bool exitCodesDiffer = false;
    // "identical: same stdout, stderr and exit code" or
    // "different: stdout differs from line 3; exit codes differ"
    QString summary() const;
};

Comparison compareRuns(const RunOutcome& a, const RunOutcome& b);

// 1-based number of the first line where a and b differ; 0 when equal.
qsizetype firstDifferentLine(const QByteArray& a, const QByteArray& b);

} // namespace twinrun
