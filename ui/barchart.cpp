#include "barchart.h"

#include "themecolors.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace twinrun {

namespace {

// Ticks of a linear axis from 0 to at least top: 1, 2 or 5 times a power of ten apart.
QList<double> linearTicks(double top)
{
    if (top <= 0)
        return {0, 1};
    const double raw = top / 5;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    double step = power;
    for (double f : {1.0, 2.0, 5.0, 10.0}) {
        step = f * power;
        if (step >= raw)
            break;
    }
    QList<double> ticks;
    for (double t = 0; t < top + step; t += step)
        ticks << t;
    return ticks;
}

} // namespace

BarChart::BarChart(QWidget* parent)
    : QWidget(parent)
    , m_tickText([](double v) { return QString::number(v, 'g', 3); })
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void BarChart::setTitle(const QString& title)
{
    m_title = title;
    update();
}

void BarChart::setGroups(const QStringList& groups)
{
    m_groups = groups;
    update();
}

void BarChart::setBars(const QList<Bar>& bars)
{
    m_bars = bars;
    updateGeometry();
    update();
}

void BarChart::setLogScale(bool log)
{
    m_log = log;
    update();
}

void BarChart::setTickText(std::function<QString(double)> text)
{
    m_tickText = std::move(text);
    update();
}

QSize BarChart::sizeHint() const
{
    const int line = fontMetrics().height();
    return {640, line * (5 + int(m_bars.size()) * 8 / 5) + line};
}

QSize BarChart::minimumSizeHint() const
{
    return {320, fontMetrics().height() * (4 + int(m_bars.size()))};
}

QImage BarChart::toImage(const QSize& size, qreal scale) const
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setFont(font());
    paint(painter, QRect(QPoint(0, 0), size));
    return image;
}

void BarChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paint(painter, rect());
}

void BarChart::paint(QPainter& painter, const QRect& area) const
{
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(painter.font());
    const int line = fm.height();
    const int margin = line / 2;
    const QColor text = palette().color(QPalette::Text);
    const QColor grid = theme::mix(palette().color(QPalette::Base), text, 0.15);
    int y = area.top() + margin;

    QFont bold = painter.font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(text);
    painter.drawText(QRect(area.left() + margin, y, area.width() - 2 * margin, line),
                     Qt::AlignLeft | Qt::AlignVCenter, m_title);
    painter.setFont(font());
    y += line + margin / 2;

    // Legend: the groups that have bars.
    int x = area.left() + margin;
    for (int g = 0; g < m_groups.size(); ++g) {
        if (std::none_of(m_bars.cbegin(), m_bars.cend(),
                         [g](const Bar& b) { return b.group == g; }))
            continue;
        painter.fillRect(QRect(x, y + line / 4, line / 2, line / 2),
                         theme::chartSeries(palette(), g));
        x += line / 2 + margin / 2;
        painter.drawText(QRect(x, y, fm.horizontalAdvance(m_groups[g]) + 2, line), Qt::AlignVCenter,
                         m_groups[g]);
        x += fm.horizontalAdvance(m_groups[g]) + line;
    }
    y += line + margin;

    // Rows: label | bar | value.
    int labelWidth = 0;
    int valueWidth = 0;
    double top = 0;
    double low = 0;
    for (const Bar& b : m_bars) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(b.label));
        valueWidth = std::max(valueWidth, fm.horizontalAdvance(b.valueText));
        top = std::max(top, b.value);
        if (b.value > 0)
            low = low > 0 ? std::min(low, b.value) : b.value;
    }
    labelWidth = std::min(labelWidth + 2, area.width() * 2 / 5); // +2: elidedText rounds
    const int plotLeft = area.left() + margin + labelWidth + margin;
    const int plotRight = area.right() - margin - valueWidth - margin;
    const int plotWidth = std::max(1, plotRight - plotLeft);
    QList<double> ticks;
    double lo = 0;
    double hi = 1;
    if (m_log && low > 0) {
        lo = std::floor(std::log10(low));
        hi = std::max(lo + 1, std::ceil(std::log10(top)));
        for (double k = lo; k <= hi; ++k)
            ticks << std::pow(10.0, k);
    } else {
        ticks = linearTicks(top);
        hi = ticks.last();
    }
    const auto xOf = [&](double v) {
        const double t = m_log && low > 0 ? (v > 0 ? (std::log10(v) - lo) / (hi - lo) : 0) : v / hi;
        return plotLeft + int(std::lround(std::clamp(t, 0.0, 1.0) * plotWidth));
    };
    const int rowHeight = line * 8 / 5;
    const int rowsTop = y;
    const int rowsBottom = rowsTop + rowHeight * int(m_bars.size());

    painter.setPen(grid);
    for (double t : ticks)
        painter.drawLine(xOf(t), rowsTop, xOf(t), rowsBottom);
    painter.setPen(text);
    for (double t : ticks) {
        const QString label = m_tickText(t);
        const int w = fm.horizontalAdvance(label);
        painter.drawText(
            QRect(std::min(xOf(t) - w / 2, area.right() - w), rowsBottom + 2, w + 2, line),
            Qt::AlignCenter, label);
    }
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        const Bar& b = m_bars[i];
        const int rowTop = rowsTop + rowHeight * int(i);
        painter.setPen(text);
        painter.drawText(QRect(area.left() + margin, rowTop, labelWidth, rowHeight),
                         Qt::AlignRight | Qt::AlignVCenter,
                         fm.elidedText(b.label, Qt::ElideMiddle, labelWidth));
        const int end = xOf(b.value);
        const QRect bar(plotLeft, rowTop + (rowHeight - line) / 2, std::max(1, end - plotLeft),
                        line);
        painter.fillRect(bar, theme::chartSeries(palette(), b.group));
        painter.drawText(QRect(end + margin / 2, rowTop, valueWidth + margin, rowHeight),
                         Qt::AlignLeft | Qt::AlignVCenter, b.valueText);
    }
}

} // namespace twinrun
