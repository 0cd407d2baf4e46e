#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include <functional>

namespace twinrun {

// A horizontal bar chart drawn with QPainter: a title, one labelled bar per row coloured by its
// group (a legend names the groups), the value written after the bar, on a linear axis or a
// logarithmic one (decades, for figures that span several: a thread launch in microseconds
// next to Python's spawn in a tenth of a second). Colours come from the palette
// (theme::chartSeries), so light and dark themes both read. toImage() is what Export writes.
class BarChart : public QWidget {
    Q_OBJECT
public:
    struct Bar {
        QString label;
        int group = 0;
        double value = 0; // > 0 on a logarithmic axis; others are left out of it
        QString valueText;
    };

    explicit BarChart(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    QString title() const { return m_title; }
    void setGroups(const QStringList& groups);
    QStringList groups() const { return m_groups; }
    void setBars(const QList<Bar>& bars);
    const QList<Bar>& bars() const { return m_bars; }
    void setLogScale(bool log);
    bool logScale() const { return m_log; }
    // The axis' tick labels ("1 ms"); plain numbers by default.
    void setTickText(std::function<QString(double)> text);

    // The chart as drawn, on the palette's base colour, at devicePixelRatio scale.
    QImage toImage(const QSize& size, qreal scale = 1) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void paint(QPainter& painter, const QRect& area) const;

    QString m_title;
    QStringList m_groups;
    QList<Bar> m_bars;
    bool m_log = false;
    std::function<QString(double)> m_tickText;
};

} // namespace twinrun
