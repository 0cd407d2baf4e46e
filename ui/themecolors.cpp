#include "themecolors.h"

#include <twinrun/worker.h>

#include <cmath>

namespace twinrun::theme {

namespace {

qreal luminance(const QColor& c)
{
    const auto channel = [](qreal v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = c.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

// The text colour of the two that reads better on the background.
QColor readableOn(const QColor& background, const QColor& preferred, const QColor& other)
{
    return contrastRatio(preferred, background) >= 4.5 ||
                   contrastRatio(preferred, background) >= contrastRatio(other, background)
               ? preferred
               : other;
}

} // namespace

bool isDark(const QPalette& palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    return QColor::fromRgbF(x.redF() + (y.redF() - x.redF()) * t,
                            x.greenF() + (y.greenF() - x.greenF()) * t,
                            x.blueF() + (y.blueF() - x.blueF()) * t);
}

qreal contrastRatio(const QColor& a, const QColor& b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor errorText(const QPalette& palette)
{
    return isDark(palette) ? QColor(255, 138, 128) : QColor(176, 0, 32);
}

QColor stderrText(const QPalette& palette)
{
    return errorText(palette);
}

QColor invalidBase(const QPalette& palette)
{
    return mix(palette.color(QPalette::Base), QColor(230, 40, 40), isDark(palette) ? 0.28 : 0.16);
}

QColor noticeBackground(const QPalette& palette)
{
    return mix(palette.color(QPalette::Window), QColor(255, 193, 7), isDark(palette) ? 0.22 : 0.3);
}

QColor successBackground(const QPalette& palette)
{
    return mix(palette.color(QPalette::Window), QColor(46, 160, 67), isDark(palette) ? 0.35 : 0.3);
}

QColor chartSeries(const QPalette& palette, int index)
{
    const bool dark = isDark(palette);
    switch (index % 3) {
    case 0:
        return palette.color(QPalette::Highlight);
    case 1:
        return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), dark ? 0.5 : 0.4);
    default:
        return dark ? QColor(240, 160, 80) : QColor(217, 120, 30);
    }
}

QColor failureBackground(const QPalette& palette)
{
    return mix(palette.color(QPalette::Window), QColor(220, 40, 40), isDark(palette) ? 0.35 : 0.25);
}

QColor lineHighlight(const QPalette& palette)
{
    return mix(palette.color(QPalette::Base), QColor(255, 214, 0), isDark(palette) ? 0.3 : 0.45);
}

QColor differenceMark(const QPalette& palette)
{
    // The highlight's hue, fainter: every differing line shows, the current one stands out.
    return mix(palette.color(QPalette::Base), QColor(255, 214, 0), isDark(palette) ? 0.14 : 0.2);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48);
    const QColor text(230, 230, 230);
    const QColor disabled(127, 127, 127);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(30, 30, 30));
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Button, QColor(55, 55, 58));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(75, 75, 78));
    p.setColor(QPalette::Midlight, QColor(62, 62, 65));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(90, 170, 255));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette invalidPalette(const QPalette& palette)
{
    QPalette p = palette;
    const QColor base = invalidBase(palette);
    for (QPalette::ColorRole role : {QPalette::Base, QPalette::Button, QPalette::Window})
        p.setColor(role, base);
    const QColor text = palette.color(QPalette::Text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::WindowText, text);
    // Placeholders are dimmed text: halfway between text and base stays visible on the tint.
    p.setColor(QPalette::PlaceholderText, mix(text, base, 0.4));
    return p;
}

QPalette barPalette(const QPalette& palette, const QColor& background)
{
    QPalette p = palette;
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, readableOn(background, palette.color(QPalette::WindowText),
                                                isDark(palette) ? Qt::white : Qt::black));
    return p;
}

QColor timelineBar(const QPalette& palette, int workerState)
{
    using State = Worker::State;
    const QColor base = palette.color(QPalette::Base);
    const qreal t = isDark(palette) ? 0.6 : 0.55;
    switch (State(workerState)) {
    case State::Finished:
        return mix(base, QColor(46, 160, 67), t);
    case State::Failed:
    case State::Crashed:
        return mix(base, QColor(220, 40, 40), t);
    case State::Terminated:
    case State::Killed:
        return mix(base, QColor(230, 150, 0), t);
    case State::FailedToStart:
        return mix(base, palette.color(QPalette::Text), 0.3);
    default: // created, starting, running
        return mix(base, palette.color(QPalette::Highlight), 0.8);
    }
}

} // namespace twinrun::theme
