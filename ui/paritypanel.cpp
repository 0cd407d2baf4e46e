#include "paritypanel.h"

#include "appresources.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace twinrun {

ParityPanel::ParityPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("parityPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(2);
    m_pythonThread = addSection(QStringLiteral("pythonThreadText"), tr("Python — thread"), 2);
    m_pythonProcess = addSection(QStringLiteral("pythonProcessText"), tr("Python — process"), 2);
    m_cpp = addSection(QStringLiteral("cppText"), tr("TwinRun C++"), 6);
}

QPlainTextEdit* ParityPanel::addSection(const QString& objectName, const QString& title, int lines)
{
    auto* text = new QPlainTextEdit(this);
    text->setObjectName(objectName);
    text->setReadOnly(true);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    text->setUndoRedoEnabled(false);
    const auto heightFor = [text](int lineCount) {
        return text->fontMetrics().lineSpacing() * lineCount +
               2 * qRound(text->document()->documentMargin()) + 2 * text->frameWidth() + 2;
    };
    if (lines <= 2)
        text->setFixedHeight(heightFor(lines));
    else
        text->setMinimumHeight(heightFor(2));

    auto* label = new QLabel(title, this);
    label->setObjectName(objectName + QStringLiteral("Title"));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);

    auto* copy = new QToolButton(this);
    copy->setObjectName(objectName + QStringLiteral("Copy"));
    copy->setText(tr("Copy"));
    copy->setIcon(actionIcon("edit-copy"));
    m_copyButtons << copy;
    copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    copy->setAutoRaise(true);
    copy->setToolTip(tr("Copy to the clipboard"));
    connect(copy, &QToolButton::clicked, this, [this, text, label] {
        QGuiApplication::clipboard()->setText(text->toPlainText());
        emit copied(label->text());
    });

    auto* header = new QHBoxLayout;
    header->addWidget(label);
    header->addStretch();
    header->addWidget(copy);
    auto* layout = qobject_cast<QVBoxLayout*>(this->layout());
    if (layout->count() > 0)
        layout->addSpacing(4);
    layout->addLayout(header);
    layout->addWidget(text, lines > 2 ? 1 : 0);
    return text;
}

void ParityPanel::showProblem(const QString& problem)
{
    const QString text = tr("# Not a valid call yet: %1").arg(problem);
    for (QPlainTextEdit* edit : {m_pythonThread, m_pythonProcess, m_cpp})
        edit->setPlainText(text);
    for (QWidget* copy : std::as_const(m_copyButtons))
        copy->setEnabled(false);
}

void ParityPanel::setSpec(const LaunchSpec& spec)
{
    for (QWidget* copy : std::as_const(m_copyButtons))
        copy->setEnabled(true);
    m_pythonThread->setPlainText(spec.pythonLine(Backend::Thread));
    m_pythonProcess->setPlainText(spec.pythonLine(Backend::Process));
    const QList<Backend> backends = spec.backends();
    if (backends.size() == 1) {
        m_cpp->setPlainText(spec.cppCall(backends.first()));
        return;
    }
    // Both: one scope per backend, so the snippet still compiles when pasted as a whole.
    QStringList blocks;
    for (Backend backend : backends) {
        QString body = spec.cppCall(backend);
        body.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
        blocks << QStringLiteral("{ // as a %1\n    %2\n}").arg(backendName(backend), body);
    }
    m_cpp->setPlainText(blocks.join(QLatin1Char('\n')));
}

QString ParityPanel::pythonThreadText() const
{
    return m_pythonThread->toPlainText();
}

QString ParityPanel::pythonProcessText() const
{
    return m_pythonProcess->toPlainText();
}

QString ParityPanel::cppText() const
{
    return m_cpp->toPlainText();
}

} // namespace twinrun
