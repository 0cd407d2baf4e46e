#pragma once

#include <QList>

namespace twinrun {

class OutputLog;

// The lines where runs differ, for the compare view's marks and its Next/Previous Difference:
// the logs' lines of each channel are set side by side (stdout line k with stdout line k, stderr
// with stderr) and a row is a line number whose text is not the same in every log (a log
// without that line differs too). Each row holds, per log, the index of that line in the log
// (-1 where the log has no such line). Rows come in the first log's order. At most maxRows rows
// (the views stay quick whatever the runs printed); logs that dropped earlier lines are aligned
// from the lines they kept.
struct DifferenceRow {
    QList<qsizetype> logIndex;
};

QList<DifferenceRow> differingLines(const QList<const OutputLog*>& logs, qsizetype maxRows = 5000);

} // namespace twinrun
