#pragma once

#include "timelinelayout.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <QTimer>

namespace twinrun {

class Session;
class Worker;

// When each worker ran: one row per worker of the session (in launch order), a bar from its
// start to its end (to now while it runs, redrawn live), coloured by its state
// (theme::timelineBar); thread bars are hatched and their label says "T", a process's "P".
// Wheel: scroll; Shift+wheel: scroll in time; Ctrl+wheel: zoom around the pointer. Keys: Up and
// Down select, Left/Right scroll in time, + and - zoom, 0 fits everything. A click selects
// the worker (workerActivated); setCurrentWorker() highlights one (the table's selection).
// Only the rows in view are painted, so a thousand workers cost what twenty do.
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineView(Session* session, QWidget* parent = nullptr);

    Worker* currentWorker() const { return m_current; }
    void setCurrentWorker(Worker* worker);
    const TimelineLayout& layout() const { return m_layout; }
    // Zooms so that every run fits the width (the initial zoom, until the user zooms).
    void fitAll();
    void zoom(double factor); // around the middle of the time area

    // What is in view, as a picture: PNG (any format QImageWriter knows) or SVG by the
    // file's suffix. An error message, or empty on success.
    QString exportTo(const QString& path);
    static bool canExportSvg();

    int lastPaintedRows() const { return m_lastPaintedRows; } // for the tests

Q_SIGNALS:
    void workerActivated(twinrun::Worker* worker);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void paint(QPainter& p, const QRect& area);
    void paintAxis(QPainter& p, const QRect& area);
    void paintRow(QPainter& p, const QRect& area, int row);
    void refresh(); // the span and the scroll ranges
    double spanMs() const;
    double startMsOf(const Worker& w) const;
    void selectRow(int row);
    void exportInteractively(const QString& format);

    QPointer<Session> m_session;
    TimelineLayout m_layout;
    QPointer<Worker> m_current;
    bool m_fitted = true; // the zoom follows the span until the user zooms
    qint64 m_originMs = 0;
    QTimer m_live;
    int m_lastPaintedRows = 0;
};

} // namespace twinrun
