#include "timelineview.h"

#include "themecolors.h"

#include <twinrun/runtext.h>
#include <twinrun/session.h>
#include <twinrun/worker.h>

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#ifdef TWINRUN_HAVE_SVG
#include <QSvgGenerator>
#endif

#include <algorithm>
#include <cmath>

namespace twinrun {

namespace {
constexpr int kLiveMs = 100;
constexpr int kTickMinPx = 90;
constexpr double kZoomStep = 1.25;
} // namespace

TimelineView::TimelineView(Session* session, QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(80);
    m_layout.rowHeight = std::max(18, fontMetrics().height() + 6);
    m_layout.axisHeight = m_layout.rowHeight + 2;
    verticalScrollBar()->setSingleStep(m_layout.rowHeight);
    horizontalScrollBar()->setSingleStep(20);
    m_live.setInterval(kLiveMs);
    connect(&m_live, &QTimer::timeout, this, &TimelineView::refresh);
    const auto changed = [this] {
        refresh();
        m_live.setInterval(kLiveMs);
        if (m_session && !m_session->running().isEmpty())
            m_live.start();
        else
            m_live.stop();
    };
    connect(session, &Session::workerAdded, this, changed);
    connect(session, &Session::workerRemoved, this, changed);
    connect(session, &Session::runningChanged, this, changed);
    refresh();
}

double TimelineView::startMsOf(const Worker& w) const
{
    return double(w.startTime().toMSecsSinceEpoch() - m_originMs);
}

double TimelineView::spanMs() const
{
    double span = 0;
    if (!m_session)
        return span;
    for (qsizetype row = 0; row < m_session->count(); ++row) {
        const Worker* w = m_session->worker(row);
        if (w->startTime().isValid())
            span = std::max(span, startMsOf(*w) + double(w->durationNs()) / 1e6);
    }
    return span;
}

void TimelineView::refresh()
{
    m_originMs = 0;
    const qsizetype count = m_session ? m_session->count() : 0;
    for (qsizetype row = 0; row < count; ++row) {
        const QDateTime start = m_session->worker(row)->startTime();
        if (start.isValid() && (m_originMs == 0 || start.toMSecsSinceEpoch() < m_originMs))
            m_originMs = start.toMSecsSinceEpoch();
    }
    const QSize size = viewport()->size();
    const double span = spanMs();
    if (m_fitted)
        m_layout.fit(span, size.width() - m_layout.labelWidth - 8);
    horizontalScrollBar()->setPageStep(std::max(1, size.width() - m_layout.labelWidth));
    horizontalScrollBar()->setRange(0, m_layout.maxScrollX(span, size.width()));
    verticalScrollBar()->setPageStep(std::max(1, size.height() - m_layout.axisHeight));
    verticalScrollBar()->setRange(0, m_layout.maxScrollY(int(count), size.height()));
    m_layout.scrollX = horizontalScrollBar()->value();
    m_layout.scrollY = verticalScrollBar()->value();
    viewport()->update();
}

void TimelineView::fitAll()
{
    m_fitted = true;
    horizontalScrollBar()->setValue(0);
    refresh();
}

void TimelineView::zoom(double factor)
{
    m_fitted = false;
    m_layout.zoomAround(m_layout.labelWidth + (viewport()->width() - m_layout.labelWidth) / 2.0,
                        factor);
    const int x = m_layout.scrollX;
    refresh();
    horizontalScrollBar()->setValue(x);
}

void TimelineView::setCurrentWorker(Worker* worker)
{
    if (m_current == worker)
        return;
    m_current = worker;
    const qsizetype row = m_session && worker ? m_session->rowOf(worker) : -1;
    if (row >= 0) {
        const int top = int(row) * m_layout.rowHeight;
        const int height = viewport()->height() - m_layout.axisHeight;
        QScrollBar* bar = verticalScrollBar();
        if (top < bar->value())
            bar->setValue(top);
        else if (top + m_layout.rowHeight > bar->value() + height)
            bar->setValue(top + m_layout.rowHeight - height);
    }
    viewport()->update();
}

void TimelineView::selectRow(int row)
{
    if (!m_session || row < 0 || row >= m_session->count())
        return;
    Worker* worker = m_session->worker(row);
    setCurrentWorker(worker);
    Q_EMIT workerActivated(worker);
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter p(viewport());
    paint(p, viewport()->rect());
}

void TimelineView::paint(QPainter& p, const QRect& area)
{
    const QPalette& pal = palette();
    p.fillRect(area, pal.color(QPalette::Base));
    const int count = m_session ? int(m_session->count()) : 0;
    const auto [first, last] = m_layout.visibleRows(area.height(), count);
    m_lastPaintedRows = std::max(0, last - first + 1);
    p.save();
    p.setClipRect(QRect(0, m_layout.axisHeight, area.width(), area.height()));
    for (int row = first; row <= last; ++row)
        paintRow(p, area, row);
    p.restore();
    paintAxis(p, area);
    if (count == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(area.adjusted(0, m_layout.axisHeight, 0, 0), Qt::AlignCenter,
                   tr("Launch a worker: each run shows here as a bar from its start to its end"));
    }
}

void TimelineView::paintAxis(QPainter& p, const QRect& area)
{
    const QPalette& pal = palette();
    const QRect axis(0, 0, area.width(), m_layout.axisHeight);
    p.fillRect(axis, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, axis.bottom(), area.width(), axis.bottom());
    p.drawLine(m_layout.labelWidth, 0, m_layout.labelWidth, area.height());
    const double step = tickStepMs(m_layout.msPerPx, kTickMinPx);
    const double firstMs =
        std::max(0.0, std::floor(m_layout.msAt(m_layout.labelWidth) / step) * step);
    p.setPen(pal.color(QPalette::WindowText));
    for (double ms = firstMs; m_layout.xOf(ms) < area.width(); ms += step) {
        const int x = int(std::lround(m_layout.xOf(ms)));
        if (x < m_layout.labelWidth)
            continue;
        p.drawLine(x, axis.bottom() - 4, x, axis.bottom());
        const QString label =
            ms == 0 ? QStringLiteral("0") : QStringLiteral("+") + formatDuration(qint64(ms * 1e6));
        if (x + 3 + p.fontMetrics().horizontalAdvance(label) > area.width())
            continue; // the tick alone rather than a label cut at the edge
        p.drawText(QRect(x + 3, 0, kTickMinPx, axis.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   label);
    }
    p.drawText(QRect(6, 0, m_layout.labelWidth - 6, axis.height()),
               Qt::AlignLeft | Qt::AlignVCenter, tr("Worker"));
}

void TimelineView::paintRow(QPainter& p, const QRect& area, int row)
{
    const QPalette& pal = palette();
    const Worker* w = m_session->worker(row);
    const int top = m_layout.rowTop(row);
    const QRect line(0, top, area.width(), m_layout.rowHeight);
    const bool current = w == m_current;
    if (current)
        p.fillRect(line,
                   theme::mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.3));
    else if (row % 2)
        p.fillRect(line, pal.color(QPalette::AlternateBase));

    // The label: a backend marker and the name.
    const bool thread = w->backend() == Backend::Thread;
    const QRect marker(4, top + 3, m_layout.rowHeight - 6, m_layout.rowHeight - 6);
    p.setPen(pal.color(QPalette::Text));
    p.drawRect(marker.adjusted(0, 0, -1, -1));
    p.drawText(marker, Qt::AlignCenter, thread ? QStringLiteral("T") : QStringLiteral("P"));
    const QRect name(marker.right() + 6, top, m_layout.labelWidth - marker.right() - 10,
                     m_layout.rowHeight);
    p.drawText(name, Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(w->name(), Qt::ElideMiddle, name.width()));

    if (!w->startTime().isValid())
        return;
    p.save();
    p.setClipRect(QRect(m_layout.labelWidth + 1, top, area.width(), m_layout.rowHeight));
    const double start = startMsOf(*w);
    const QRectF bar = m_layout.barRect(row, start, start + double(w->durationNs()) / 1e6);
    const QColor fill = theme::timelineBar(pal, int(w->state()));
    p.fillRect(bar, fill);
    if (thread) { // hatched: a thread shares the app
        const QColor stroke = theme::mix(fill, pal.color(QPalette::Text), 0.35);
        p.fillRect(bar, QBrush(stroke, Qt::BDiagPattern));
    }
    p.setPen(current ? pal.color(QPalette::Highlight)
                     : theme::mix(fill, pal.color(QPalette::Text), 0.5));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.restore();
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    refresh();
}

void TimelineView::scrollContentsBy(int, int)
{
    m_layout.scrollX = horizontalScrollBar()->value();
    m_layout.scrollY = verticalScrollBar()->value();
    viewport()->update();
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const int delta =
        event->angleDelta().y() != 0 ? event->angleDelta().y() : event->angleDelta().x();
    if (event->modifiers() & Qt::ControlModifier) {
        m_fitted = false;
        m_layout.zoomAround(event->position().x(), std::pow(kZoomStep, delta / 120.0));
        const int x = m_layout.scrollX;
        refresh();
        horizontalScrollBar()->setValue(x);
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier || event->angleDelta().y() == 0) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta / 2);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_session)
        selectRow(m_layout.rowAt(int(event->position().y()), int(m_session->count())));
    QAbstractScrollArea::mousePressEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    const int row = m_session && m_current ? int(m_session->rowOf(m_current)) : -1;
    switch (event->key()) {
    case Qt::Key_Up:
        selectRow(std::max(0, row - 1));
        return;
    case Qt::Key_Down:
        selectRow(row + 1);
        return;
    case Qt::Key_Home:
        selectRow(0);
        return;
    case Qt::Key_End:
        selectRow(m_session ? int(m_session->count()) - 1 : -1);
        return;
    case Qt::Key_Left:
    case Qt::Key_Right: {
        QScrollBar* bar = horizontalScrollBar();
        const int step = std::max(bar->singleStep(), bar->pageStep() / 8);
        bar->setValue(bar->value() + (event->key() == Qt::Key_Left ? -step : step));
        return;
    }
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(kZoomStep);
        return;
    case Qt::Key_Minus:
        zoom(1 / kZoomStep);
        return;
    case Qt::Key_0:
        fitAll();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Zoom In"), this, [this] { zoom(kZoomStep); });
    menu.addAction(tr("Zoom Out"), this, [this] { zoom(1 / kZoomStep); });
    menu.addAction(tr("Fit All"), this, &TimelineView::fitAll);
    menu.addSeparator();
    menu.addAction(tr("Export as PNG..."), this,
                   [this] { exportInteractively(QStringLiteral("png")); });
    if (canExportSvg())
        menu.addAction(tr("Export as SVG..."), this,
                       [this] { exportInteractively(QStringLiteral("svg")); });
    menu.exec(event->globalPos());
}

void TimelineView::changeEvent(QEvent* event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        m_layout.rowHeight = std::max(18, fontMetrics().height() + 6);
        m_layout.axisHeight = m_layout.rowHeight + 2;
        refresh();
    }
}

bool TimelineView::canExportSvg()
{
#ifdef TWINRUN_HAVE_SVG
    return true;
#else
    return false;
#endif
}

void TimelineView::exportInteractively(const QString& format)
{
    const QString filter =
        format == QLatin1String("svg") ? tr("SVG images (*.svg)") : tr("PNG images (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Timeline"),
                                                QStringLiteral("timeline.") + format, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    if (const QString error = exportTo(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export Timeline"), error);
}

QString TimelineView::exportTo(const QString& path)
{
    const QRect area(QPoint(0, 0), viewport()->size());
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
#ifdef TWINRUN_HAVE_SVG
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(area.size());
        svg.setViewBox(area);
        svg.setTitle(tr("TwinRun timeline"));
        QPainter p;
        if (!p.begin(&svg))
            return tr("Cannot write %1").arg(path);
        paint(p, area);
        p.end();
        return QFileInfo(path).size() > 0 ? QString() : tr("Cannot write %1").arg(path);
#else
        return tr("This build cannot write SVG (Qt SVG was not found when it was built): "
                  "export as PNG");
#endif
    }
    QImage image(area.size() * devicePixelRatio(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio());
    QPainter p(&image);
    paint(p, area);
    p.end();
    QImageWriter writer(path);
    if (!writer.write(image))
        return tr("Cannot write %1: %2").arg(path, writer.errorString());
    return {};
}

} // namespace twinrun
