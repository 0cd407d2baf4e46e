#include "differences.h"

#include <twinrun/outputlog.h>

#include <algorithm>
#include <vector>

namespace twinrun {

QList<DifferenceRow> differingLines(const QList<const OutputLog*>& logs, qsizetype maxRows)
{
    QList<DifferenceRow> rows;
    if (logs.size() < 2)
        return rows;
    for (Channel channel : {Channel::Stdout, Channel::Stderr}) {
        // Per log: the log indexes of that channel's lines, in order.
        std::vector<QList<qsizetype>> lines(logs.size());
        qsizetype longest = 0;
        for (qsizetype i = 0; i < logs.size(); ++i) {
            for (qsizetype index = 0; logs[i] && index < logs[i]->lineCount(); ++index) {
                if (logs[i]->line(index).channel == channel)
                    lines[i] << index;
            }
            longest = std::max(longest, lines[i].size());
        }
        for (qsizetype k = 0; k < longest && rows.size() < maxRows; ++k) {
            DifferenceRow row;
            bool differs = false;
            QByteArray first;
            for (qsizetype i = 0; i < logs.size(); ++i) {
                const qsizetype index = lines[i].value(k, -1);
                row.logIndex << index;
                if (index < 0) {
                    differs = true;
                    continue;
                }
                const QByteArray text = logs[i]->line(index).bytes;
                if (i == 0)
                    first = text;
                else if (text != first || row.logIndex.first() < 0)
                    differs = true;
            }
            if (differs)
                rows << row;
        }
    }
    // In the order the first log shows them (a row it lacks goes after its lines).
    const auto position = [](const DifferenceRow& row) {
        for (qsizetype index : row.logIndex) {
            if (index >= 0)
                return std::pair(row.logIndex.first() < 0, index);
        }
        return std::pair(true, qsizetype(0));
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const DifferenceRow& a, const DifferenceRow& b) {
        return position(a) < position(b);
    });
    return rows;
}

} // namespace twinrun
