#pragma once

#include <QRectF>

#include <utility>

namespace twinrun {

// The timeline's geometry, apart from painting so that it can be tested: a label column on the
// left, a time axis on top, one row per worker below it. Times are milliseconds from the
// timeline's origin (the first worker's start); the view scrolls by scrollX / scrollY pixels.
struct TimelineLayout {
    int labelWidth = 160;
    int axisHeight = 22;
    int rowHeight = 20;
    double msPerPx = 1.0; // zoom: more is further out
    int scrollX = 0;      // pixels of time scrolled past on the left
    int scrollY = 0;      // pixels of rows scrolled past on top

    double xOf(double ms) const { return labelWidth + ms / msPerPx - scrollX; }
    double msAt(double x) const { return (x - labelWidth + scrollX) * msPerPx; }
    // The row under y, or -1 on the axis or past the last of count rows.
    int rowAt(int y, int count) const;
    int rowTop(int row) const { return axisHeight + row * rowHeight - scrollY; }
    // First and last row (inclusive) that a viewport of height shows; first > last if none.
    std::pair<int, int> visibleRows(int height, int count) const;
    // A bar from startMs to endMs in row: at least 2 px wide, so the shortest run shows.
    QRectF barRect(int row, double startMs, double endMs) const;
    // Zooms by factor (> 1: in) keeping the time under x where it is.
    void zoomAround(double x, double factor);
    // Zoom so that spanMs fits in width (the time area), from the origin.
    void fit(double spanMs, int width);
    // Scroll ranges for a time span and a row count in a viewport of the given size.
    int maxScrollX(double spanMs, int width) const;
    int maxScrollY(int count, int height) const;
};

// Axis ticks: the step in ms (1, 2 or 5 times a power of ten) that puts at least minPx
// pixels between labels at msPerPx.
double tickStepMs(double msPerPx, int minPx);

} // namespace twinrun
