#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QToolBar;

namespace twinrun {

class FindBar;
class OutputLog;
class OutputView;
class Worker;

// The selected worker's output: an OutputView with Find, Copy, Save and Clear, a title with
// the worker's name and state, and a notice when earlier lines were dropped or the worker
// failed to start.
class OutputPane : public QWidget {
    Q_OBJECT
public:
    explicit OutputPane(QWidget* parent = nullptr);

    void setWorker(Worker* worker, OutputLog* log); // null, null: nothing selected
    Worker* worker() const { return m_worker; }

    OutputView* view() const { return m_view; }
    FindBar* findBar() const { return m_findBar; }
    QToolBar* toolBar() const { return m_toolBar; }
    QString title() const;
    QString noticeText() const;
    void activateFind();
    // Save's work without the dialog: the log's bytes, after a first line counting the lines
    // dropped (only when some were). Reports through statusMessage().
    bool saveOutputTo(const QString& path);

Q_SIGNALS:
    void statusMessage(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitToolBar();
    void applyColors();
    QAction* addToolAction(const char* objectName, const QString& text, const QIcon& icon,
                           void (OutputPane::*slot)());
    void copyOutput();
    void saveOutput();
    void clearOutput();
    void updateTitle();
    void updateNotice();

    QPointer<Worker> m_worker;
    QLabel* m_title;
    QLabel* m_notice;
    OutputView* m_view;
    FindBar* m_findBar;
    QToolBar* m_toolBar;
    int m_toolBarTextWidth = 0; // the width that shows the labels; 0: measure again
};

} // namespace twinrun
