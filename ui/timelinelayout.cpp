#include "timelinelayout.h"

#include <algorithm>
#include <cmath>

namespace twinrun {

namespace {
constexpr double kMinMsPerPx = 1e-4; // 0.1 µs a pixel
constexpr double kMaxMsPerPx = 1e7;  // almost three hours a pixel
constexpr int kBarMargin = 3;
} // namespace

int TimelineLayout::rowAt(int y, int count) const
{
    if (y < axisHeight)
        return -1;
    const int row = (y - axisHeight + scrollY) / rowHeight;
    return row < count ? row : -1;
}

std::pair<int, int> TimelineLayout::visibleRows(int height, int count) const
{
    if (count <= 0 || height <= axisHeight)
        return {0, -1};
    const int first = std::max(0, scrollY / rowHeight);
    const int last = std::min(count - 1, (scrollY + height - axisHeight - 1) / rowHeight);
    return {first, last};
}

QRectF TimelineLayout::barRect(int row, double startMs, double endMs) const
{
    const double left = xOf(startMs);
    const double width = std::max(2.0, (endMs - startMs) / msPerPx);
    return {left, double(rowTop(row) + kBarMargin), width, double(rowHeight - 2 * kBarMargin)};
}

void TimelineLayout::zoomAround(double x, double factor)
{
    const double ms = msAt(x);
    msPerPx = std::clamp(msPerPx / factor, kMinMsPerPx, kMaxMsPerPx);
    scrollX = std::max(0, int(std::lround(ms / msPerPx - (x - labelWidth))));
}

void TimelineLayout::fit(double spanMs, int width)
{
    msPerPx = std::clamp(std::max(spanMs, 1.0) / std::max(width, 1), kMinMsPerPx, kMaxMsPerPx);
    scrollX = 0;
}

int TimelineLayout::maxScrollX(double spanMs, int width) const
{
    return std::max(0, int(std::ceil(spanMs / msPerPx)) + 8 - (width - labelWidth));
}

int TimelineLayout::maxScrollY(int count, int height) const
{
    return std::max(0, count * rowHeight - (height - axisHeight));
}

double tickStepMs(double msPerPx, int minPx)
{
    const double least = msPerPx * minPx;
    double step = std::pow(10.0, std::floor(std::log10(std::max(least, 1e-6))));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (step * m >= least)
            return step * m;
    }
    return step * 10.0;
}

} // namespace twinrun
