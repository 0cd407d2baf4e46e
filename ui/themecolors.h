#pragma once

#include <QColor>
#include <QPalette>

// The window's own colours, derived from the palette so that a light and a dark theme both
// read well: one home for every colour the window sets (tests check the contrasts with a
// light and a dark QPalette). Each takes the palette of the widget that will paint it.
namespace twinrun::theme {

bool isDark(const QPalette& palette);
// a at t = 0, b at t = 1.
QColor mix(const QColor& a, const QColor& b, qreal t);
// WCAG 2 contrast ratio, 1 (none) to 21 (black on white).
qreal contrastRatio(const QColor& a, const QColor& b);

QColor errorText(const QPalette& palette);        // a problem's text, on Window or Base
QColor stderrText(const QPalette& palette);       // a worker's stderr, on Base
QColor invalidBase(const QPalette& palette);      // a field that needs fixing
QColor noticeBackground(const QPalette& palette); // message bars; text: WindowText
QColor successBackground(const QPalette& palette);
QColor failureBackground(const QPalette& palette);
QColor lineHighlight(const QPalette& palette); // a marked line in a text view, on Base
// A chart's bars, told apart by index (0: the palette's highlight, 1: grey, 2: orange), on Base.
QColor chartSeries(const QPalette& palette, int index);
QColor differenceMark(const QPalette& palette); // a line that differs (softer), on Base
// A worker's bar in the timeline, on Base, by state (int(Worker::State)): green finished, red
// failed or crashed, amber stopped, grey failed to start, the highlight's hue while running.
QColor timelineBar(const QPalette& palette, int workerState);

// A dark palette for the Fusion style: TWINRUN_COLOR_SCHEME=dark uses it where Qt 6.4 does
// not follow the desktop's dark theme (and the tests and screenshots use it).
QPalette darkPalette();

// A palette for a field marked invalid: tinted base, text and placeholder kept readable.
QPalette invalidPalette(const QPalette& palette);
// A palette for a bar with the given background: the text stays readable on it.
QPalette barPalette(const QPalette& palette, const QColor& background);

} // namespace twinrun::theme
