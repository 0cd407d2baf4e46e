#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLineEdit;
class QMenu;
class QTableView;
class QToolBar;

namespace twinrun {

class JoinBar;
class Session;
class Worker;
class WorkerColumns;
class WorkerFilterModel;
class WorkerTableModel;

// The session's workers as a sortable, filterable table, with what can be done to them:
// Join (waits without blocking, up to a timeout the user sets, shown in a bar with Cancel),
// Terminate (the row says a stop was requested until the worker ends), Kill (processes
// only), Re-run, Remove (refused while running) and Clear finished, from the toolbar, the
// context menu and the keyboard. Actions apply to every selected row; the current row is the
// one shown. Filtering never leaves a hidden row current: the selection, the output shown
// (currentWorkerChanged) and the actions always agree.
//
// Columns are sized to their content, Call (last) takes what is left and elides, and the table
// never scrolls sideways: on a narrow window the columns right of State and Exit code fold away
// (WorkerColumns). The user's widths, order and hidden columns are kept by the window
// (QSettings, saveColumns). The toolbar drops its labels when the panel is too narrow for
// them, never hiding an action behind an overflow.
class WorkersPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultJoinTimeoutMs = 5000;

    explicit WorkersPanel(Session* session, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    WorkerFilterModel* proxy() const { return m_proxy; }
    WorkerTableModel* model() const { return m_model; }
    QLineEdit* filterEdit() const { return m_filter; }
    QToolBar* toolBar() const { return m_toolBar; }
    JoinBar* joinBar() const { return m_joinBar; }
    QList<QAction*> workerActions() const;
    // Show / hide columns (also the header's context menu).
    QMenu* columnsMenu() const;

    QAction* joinAction() const { return m_join; }
    QAction* terminateAction() const { return m_terminate; }
    QAction* killAction() const { return m_kill; }
    QAction* rerunAction() const { return m_rerun; }
    QAction* removeAction() const { return m_remove; }
    QAction* clearFinishedAction() const { return m_clearFinished; }
    QAction* joinTimeoutAction() const { return m_joinTimeout; }

    Worker* currentWorker() const;
    QList<Worker*> selectedWorkers() const;
    // Makes the worker the current, only selected row, clearing a filter that hides it.
    void selectWorker(Worker* worker);
    // The columns' order, widths and hidden ones (the user's, never a fold for want of room).
    QByteArray saveColumns();
    void restoreColumns(const QByteArray& state);
    // Kept in QSettings.
    void setJoinTimeout(int msecs);
    int joinTimeout() const { return m_joinTimeoutMs; }
    // Re-run is refused while the window is closing (MainWindow).
    void setLaunchBlocked(bool blocked);

Q_SIGNALS:
    void currentWorkerChanged(twinrun::Worker* worker);
    void statusMessage(const QString& message);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QAction* makeAction(const char* objectName, const QString& text, const char* icon,
                        const QKeySequence& shortcut, void (WorkersPanel::*slot)());
    void setUpView();
    void join();
    void askJoinTimeout();
    void terminate();
    void kill();
    void rerun();
    void remove();
    void clearFinished();
    void updateActions();
    void keepCurrentVisible();
    void fitToolBar();
    void showContextMenu(const QPoint& pos);

    Session* m_session;
    WorkerTableModel* m_model;
    WorkerFilterModel* m_proxy;
    QToolBar* m_toolBar;
    QLineEdit* m_filter;
    QTableView* m_view;
    JoinBar* m_joinBar;
    WorkerColumns* m_columns = nullptr;
    QAction* m_join = nullptr;
    QAction* m_terminate = nullptr;
    QAction* m_kill = nullptr;
    QAction* m_rerun = nullptr;
    QAction* m_remove = nullptr;
    QAction* m_clearFinished = nullptr;
    QAction* m_joinTimeout = nullptr;
    int m_joinTimeoutMs = kDefaultJoinTimeoutMs;
    int m_toolBarTextWidth = 0; // the toolbar's width with labels; 0: measure again
    bool m_launchBlocked = false;
    Worker* m_shown = nullptr; // the worker last announced by currentWorkerChanged
};

} // namespace twinrun
