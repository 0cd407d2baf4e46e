#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

class QHeaderView;
class QTableView;

namespace twinrun {

// Keeps a table's columns inside its viewport, so it never needs a horizontal scrollbar:
// - every column has the width it wants (its content's, set by setWanted, or the user's once
//   they drag it), while the columns fit;
// - the fill column (Call) takes what is left and elides, down to a few characters;
// - when even that does not fit, columns are folded away from the right (visual order), never
//   a kept one (State, Exit code); they come back when the table widens. Then the first
//   visible column (Name) gives way, eliding. Folding is not hiding: hidden() is the user's
//   choice alone, and saveState() never records a fold.
class ColumnFitter : public QObject {
    Q_OBJECT
public:
    ColumnFitter(QTableView* view, int fillColumn, QList<int> keptColumns);

    void setWanted(int column, int width);
    int wanted(int column) const;
    // The user's hidden columns (the Columns menu), not the folded ones.
    bool isHidden(int column) const { return m_hidden.contains(column); }
    void setHidden(int column, bool hidden);
    // Folded away for want of room now.
    bool isFolded(int column) const { return m_folded.contains(column); }

    // The header's state without folds, and its restore (widths restored become wanted).
    QByteArray saveState();
    bool restoreState(const QByteArray& state);

    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void sectionResized(int column, int newSize);
    void applyModes();

    QTableView* m_view;
    QHeaderView* m_header;
    QObject* m_viewport;
    int m_fill;
    QList<int> m_kept;
    QHash<int, int> m_wanted;
    QSet<int> m_hidden;
    QSet<int> m_folded;
    bool m_fitting = false;
};

} // namespace twinrun
