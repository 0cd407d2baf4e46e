#include "findbar.h"

#include "invalidmark.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QStyle>
#include <QTextCursor>
#include <QToolButton>

namespace twinrun {

FindBar::FindBar(QPlainTextEdit* target, QWidget* parent)
    : QWidget(parent)
    , m_target(target)
    , m_edit(new QLineEdit(this))
    , m_matchCase(new QCheckBox(tr("Match case"), this))
{
    setObjectName(QStringLiteral("findBar"));
    m_edit->setObjectName(QStringLiteral("findEdit"));
    m_edit->setPlaceholderText(tr("Find in output"));
    m_edit->setClearButtonEnabled(true);
    m_matchCase->setObjectName(QStringLiteral("matchCaseCheck"));

    const auto button = [this](const char* name, QStyle::StandardPixmap icon, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setObjectName(QLatin1String(name));
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setAutoRaise(true);
        return b;
    };
    QToolButton* previous =
        button("findPreviousButton", QStyle::SP_ArrowUp, tr("Previous match (Shift+Return)"));
    QToolButton* next = button("findNextButton", QStyle::SP_ArrowDown, tr("Next match (Return)"));
    QToolButton* close =
        button("findCloseButton", QStyle::SP_TitleBarCloseButton, tr("Close (Escape)"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(m_edit, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_matchCase);
    layout->addWidget(close);

    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_edit, &QLineEdit::returnPressed, this, &FindBar::findNext);
    connect(m_edit, &QLineEdit::textEdited, this, [this] { find(false, true); });
    connect(m_matchCase, &QCheckBox::toggled, this, [this] { find(false, true); });
    auto* previousKey = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_edit);
    previousKey->setContext(Qt::WidgetShortcut);
    connect(previousKey, &QShortcut::activated, this, &FindBar::findPrevious);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, [this] {
        hide();
        m_target->setFocus();
    });
}

void FindBar::activate()
{
    const QString selected = m_target->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_edit->setText(selected);
    show();
    m_edit->setFocus();
    m_edit->selectAll();
}

bool FindBar::findNext()
{
    return find(false, false);
}

bool FindBar::findPrevious()
{
    return find(true, false);
}

bool FindBar::find(bool backward, bool fromSelectionStart)
{
    const QString text = m_edit->text();
    clearInvalid(m_edit);
    if (text.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (m_matchCase->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    if (fromSelectionStart) {
        // Typing refines the current match instead of jumping past it.
        QTextCursor cursor = m_target->textCursor();
        cursor.setPosition(cursor.selectionStart());
        m_target->setTextCursor(cursor);
    }
    if (m_target->find(text, flags))
        return true;
    const QTextCursor before = m_target->textCursor();
    QTextCursor wrap = before;
    wrap.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_target->setTextCursor(wrap);
    if (m_target->find(text, flags))
        return true;
    m_target->setTextCursor(before);
    markInvalid(m_edit, tr("Not found"));
    return false;
}

} // namespace twinrun
