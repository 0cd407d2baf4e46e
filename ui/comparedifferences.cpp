// ComparePanel's differences: every differing line marked in every column shown, and the
// Next / Previous Difference walk over them.
#include "comparepanel.h"

#include "outputview.h"

#include <QAction>
#include <QLabel>

namespace twinrun {

void ComparePanel::markDifferences()
{
    QList<const OutputLog*> logs;
    QList<int> columns;
    for (int i = 0; i < kColumns; ++i) {
        if (isColumnShown(i)) {
            logs << logOf(i);
            columns << i;
        }
    }
    m_differences = differingLines(logs);
    for (qsizetype k = 0; k < columns.size(); ++k) {
        QList<qsizetype> marks;
        for (const DifferenceRow& row : std::as_const(m_differences)) {
            if (row.logIndex[k] >= 0)
                marks << row.logIndex[k];
        }
        m_columns[columns[k]].view->setMarkedLines(marks);
    }
    // Rows hold one index per shown column; goToDifference maps them back.
    m_current = -1;
    goToDifference(0);
}

void ComparePanel::goToDifference(int index)
{
    m_previous->setEnabled(!m_differences.isEmpty());
    m_next->setEnabled(!m_differences.isEmpty());
    m_position->setVisible(!m_differences.isEmpty());
    if (m_differences.isEmpty()) {
        for (Column& column : m_columns)
            column.view->setHighlightedLine(-1);
        return;
    }
    const int count = int(m_differences.size());
    m_current = (index % count + count) % count; // wraps both ways
    const DifferenceRow& row = m_differences[m_current];
    qsizetype k = 0;
    for (int i = 0; i < kColumns; ++i) {
        if (!isColumnShown(i)) {
            m_columns[i].view->setHighlightedLine(-1);
            continue;
        }
        m_columns[i].view->setHighlightedLine(row.logIndex[k++]);
        m_columns[i].view->revealHighlightedLine();
    }
    m_position->setText(tr("Difference %1 of %2").arg(m_current + 1).arg(count));
}

} // namespace twinrun
