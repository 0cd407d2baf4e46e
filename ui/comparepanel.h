#pragma once

#include "differences.h"
#include <twinrun/comparison.h>
#include <twinrun/parityrules.h>

#include <QPointer>
#include <QStyle>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

class QAction;
class QLabel;
class QSplitter;

namespace twinrun {

class OutputLog;
class OutputView;
class ParityLaunch;
class Session;
class Worker;

// The runs of one launch side by side, up to four columns: TwinRun's thread and process and,
// for a launch with "Compare with Python", CPython's Thread and Process. Each column shows its
// run's output, state, exit code, wall time (and CPU time when known). Once every run has
// ended: the verdict (a Both launch: the session's RunComparison; with Python: a verdict per
// pair, from ParityLaunch), and every line that differs between the columns marked, the
// current one highlighted; Next / Previous Difference (F8 / Shift+F8) walk them.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kColumns = 4; // thread, process, Python Thread, Python Process

    explicit ComparePanel(Session* session, QWidget* parent = nullptr);
    ~ComparePanel() override;

    // Takes a launch with Python runs: it is shown whenever one of its workers is (setWorkers).
    // Keeps the last few such launches (and the Python runs' logs) only.
    void addParity(ParityLaunch* launch);
    // Whether the worker's launch has something to compare (a partner, or Python runs).
    bool hasComparisonFor(const Worker* worker) const;

    // The worker and its partner, in either order; null clears. A worker of a launch given to
    // addParity() shows all of that launch's runs.
    void setWorkers(Worker* worker, Worker* partner);
    bool hasWorkers() const;

    QString verdictText() const;
    // Whether every run shown has ended, so the verdict is final.
    bool isFinal() const;
    // 0: thread, 1: process, 2: Python Thread, 3: Python Process.
    OutputView* view(int column) const { return m_columns[column].view; }
    bool isColumnShown(int column) const;
    QSplitter* splitter() const { return m_splitter; }
    QAction* nextDifferenceAction() const { return m_next; }
    QAction* previousDifferenceAction() const { return m_previous; }
    int differenceCount() const { return int(m_differences.size()); }
    int currentDifference() const { return m_current; } // -1 when none

private:
    struct Column {
        QPointer<Worker> worker;
        int run = -1; // the ParityLaunch's run index, when a launch is shown
        QWidget* widget = nullptr;
        QLabel* title = nullptr;
        QLabel* details = nullptr;
        OutputView* view = nullptr;
    };
    struct Parity;

    QWidget* buildColumn(Column& column, const QString& objectName);
    QWidget* buildVerdictBar();
    Parity* parityOf(const Worker* worker) const;
    OutputLog* logOf(int column) const;
    void refresh();
    void refreshColumns();
    QString workerTimeText(const Worker* worker) const; // runTimeText() with the session's figures
    void showFinalVerdict();
    QString parityVerdict(bool* agrees, QString* details) const;
    void markDifferences();
    void goToDifference(int index);
    void showVerdict(const QString& text, const QColor& background, QStyle::StandardPixmap icon);

    Session* m_session;
    Column m_columns[kColumns];
    std::vector<std::unique_ptr<Parity>> m_parities;
    Parity* m_shown = nullptr;
    QWidget* m_verdictBar;
    QLabel* m_verdictIcon;
    QLabel* m_verdict;
    QLabel* m_position;
    QAction* m_previous;
    QAction* m_next;
    QSplitter* m_splitter;
    QTimer m_tick; // durations of running workers, and the verdict once they end
    QList<DifferenceRow> m_differences;
    int m_current = -1;
    bool m_verdictShown = false;
};

} // namespace twinrun
