#pragma once

#include <QList>
#include <QStyle>
#include <QWidget>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace twinrun {

class Session;
class Worker;
class WorkerTableModel;

// The session's workers as a sortable, filterable table, with what can be done to them:
// Join (waits without blocking, up to a timeout), Terminate, Kill (processes only), Re-run,
// Remove (refused while running) and Clear finished, from the toolbar, the context menu and
// the keyboard. Actions apply to every selected row; the current row is the one shown.
class WorkersPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kDefaultJoinTimeoutMs = 5000;

    explicit WorkersPanel(Session* session, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    WorkerTableModel* model() const { return m_model; }
    QLineEdit* filterEdit() const { return m_filter; }
    QList<QAction*> workerActions() const;

    QAction* joinAction() const { return m_join; }
    QAction* terminateAction() const { return m_terminate; }
    QAction* killAction() const { return m_kill; }
    QAction* rerunAction() const { return m_rerun; }
    QAction* removeAction() const { return m_remove; }
    QAction* clearFinishedAction() const { return m_clearFinished; }

    Worker* currentWorker() const;
    QList<Worker*> selectedWorkers() const;
    // Makes the worker the current, only selected row, clearing a filter that hides it.
    void selectWorker(Worker* worker);
    void setJoinTimeout(int msecs) { m_joinTimeoutMs = msecs; }

Q_SIGNALS:
    void currentWorkerChanged(twinrun::Worker* worker);
    void statusMessage(const QString& message);

private:
    QAction* makeAction(const char* objectName, const QString& text, QStyle::StandardPixmap icon,
                        const QKeySequence& shortcut, void (WorkersPanel::*slot)());
    void setUpView();
    void join();
    void terminate();
    void kill();
    void rerun();
    void remove();
    void clearFinished();
    void updateActions();
    void showContextMenu(const QPoint& pos);
    void showColumnMenu(const QPoint& pos);

    Session* m_session;
    WorkerTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QToolBar* m_toolBar;
    QLineEdit* m_filter;
    QTableView* m_view;
    QAction* m_join = nullptr;
    QAction* m_terminate = nullptr;
    QAction* m_kill = nullptr;
    QAction* m_rerun = nullptr;
    QAction* m_remove = nullptr;
    QAction* m_clearFinished = nullptr;
    int m_joinTimeoutMs = kDefaultJoinTimeoutMs;
};

} // namespace twinrun
