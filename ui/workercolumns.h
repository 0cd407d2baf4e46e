#pragma once

#include <QObject>

class QMenu;
class QTableView;

namespace twinrun {

class ColumnFitter;
class WorkerTableModel;

// The workers table's columns: what matters at a glance first (State, Exit code), the call
// last, taking what the others leave (ColumnFitter, which folds columns away on a narrow
// table); each column wide enough for a sample of its usual content and its title; the start
// time, threads and context switches hidden until picked in the Columns menu (also the
// header's context menu). saveState() is the user's order, widths and hidden columns, never a
// fold for want of room.
class WorkerColumns : public QObject {
    Q_OBJECT
public:
    // view shows model (through any proxy); the menu is owned by view.
    WorkerColumns(QTableView* view, WorkerTableModel* model, QObject* parent = nullptr);

    QMenu* menu() const { return m_menu; }

    QByteArray saveState();
    void restoreState(const QByteArray& state);

private:
    void arrange();
    void sizeColumns();
    void fillMenu();

    QTableView* m_view;
    WorkerTableModel* m_model;
    QMenu* m_menu;
    ColumnFitter* m_fitter = nullptr;
};

} // namespace twinrun
