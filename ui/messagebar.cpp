#include "messagebar.h"

#include "appresources.h"
#include "themecolors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace twinrun {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_layout(new QHBoxLayout(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTextFormat(Qt::PlainText); // messages quote worker names and user input
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_layout->setContentsMargins(6, 3, 6, 3);
    m_layout->addWidget(m_icon);
    m_layout->addWidget(m_text, 1);
    hide();
}

void MessageBar::showMessage(const QString& text, Kind kind)
{
    m_kind = kind;
    m_text->setText(text);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(actionIcon(kind == Kind::Warning ? "dialog-warning" : "help-contents")
                          .pixmap(QSize(size, size), devicePixelRatioF()));
    applyColors();
    show();
}

QString MessageBar::text() const
{
    return isVisibleTo(parentWidget()) ? m_text->text() : QString();
}

QPushButton* MessageBar::addButton(const QString& text, const QString& objectName)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    m_layout->addWidget(button);
    return button;
}

void MessageBar::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColors();
}

void MessageBar::applyColors()
{
    m_applying = true;
    const QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    setPalette(theme::barPalette(base, m_kind == Kind::Warning ? theme::failureBackground(base)
                                                               : theme::noticeBackground(base)));
    m_applying = false;
}

} // namespace twinrun
