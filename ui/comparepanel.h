#pragma once

#include <twinrun/comparison.h>

#include <QPointer>
#include <QStyle>
#include <QTimer>
#include <QWidget>

class QLabel;
class QSplitter;

namespace twinrun {

class OutputView;
class Session;
class Worker;

// The two halves of a Both launch side by side: each one's output, state, exit code and
// duration, and once both have ended the verdict of the session's RunComparison (the runs'
// complete outputs, whatever the logs dropped) with the first differing
// line highlighted on both sides.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(Session* session, QWidget* parent = nullptr);

    // The worker and its partner, in either order; null clears.
    void setWorkers(Worker* worker, Worker* partner);
    bool hasWorkers() const { return m_sides[0].worker || m_sides[1].worker; }

    QString verdictText() const;
    // Whether both have ended, so the verdict is final.
    bool isFinal() const;
    OutputView* view(int side) const { return m_sides[side].view; } // 0: thread, 1: process
    QSplitter* splitter() const { return m_splitter; }

private:
    struct Side {
        QPointer<Worker> worker;
        QLabel* title = nullptr;
        QLabel* details = nullptr;
        OutputView* view = nullptr;
    };

    QWidget* buildSide(Side& side, const QString& objectName);
    void refresh();
    void showVerdict(const QString& text, const QColor& background, QStyle::StandardPixmap icon);

    Session* m_session;
    Side m_sides[2];
    QWidget* m_verdictBar;
    QLabel* m_verdictIcon;
    QLabel* m_verdict;
    QSplitter* m_splitter;
    QTimer m_tick; // durations of running workers, and the verdict once they end
};

} // namespace twinrun
