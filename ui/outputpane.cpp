#include "outputpane.h"

#include "findbar.h"
#include "outputview.h"
#include <twinrun/outputlog.h>
#include <twinrun/worker.h>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QSaveFile>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace twinrun {

namespace {

QString fileNameFor(const QString& workerName)
{
    QString name = workerName;
    for (QChar& c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    return name + QStringLiteral(".log");
}

} // namespace

OutputPane::OutputPane(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_view(new OutputView(this))
    , m_findBar(new FindBar(m_view, this))
    , m_toolBar(new QToolBar(this))
{
    setObjectName(QStringLiteral("outputPane"));
    m_view->setObjectName(QStringLiteral("outputView"));
    m_title->setObjectName(QStringLiteral("outputTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_notice->setObjectName(QStringLiteral("outputNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setMargin(4);
    m_notice->setAutoFillBackground(true);
    QPalette palette = m_notice->palette();
    palette.setColor(QPalette::Window, QColor(255, 244, 206));
    palette.setColor(QPalette::WindowText, QColor(90, 60, 0));
    m_notice->setPalette(palette);
    m_notice->hide();
    m_findBar->hide();

    m_toolBar->setObjectName(QStringLiteral("outputToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_toolBar->setIconSize(QSize(icon, icon));
    m_toolBar->addWidget(m_title);
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    addToolAction("findButtonAction", tr("Find"),
                  style()->standardIcon(QStyle::SP_FileDialogContentsView),
                  &OutputPane::activateFind)
        ->setToolTip(tr("Find in the output (Ctrl+F)"));
    addToolAction(
        "copyAction", tr("Copy"),
        QIcon::fromTheme(QStringLiteral("edit-copy"), style()->standardIcon(QStyle::SP_FileIcon)),
        &OutputPane::copyOutput)
        ->setToolTip(tr("Copy the selection, or the whole output when nothing is selected"));
    addToolAction("saveAction", tr("Save…"), style()->standardIcon(QStyle::SP_DialogSaveButton),
                  &OutputPane::saveOutput)
        ->setToolTip(tr("Save the output to a file"));
    addToolAction("clearAction", tr("Clear"), style()->standardIcon(QStyle::SP_DialogResetButton),
                  &OutputPane::clearOutput)
        ->setToolTip(tr("Clear this worker's output"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_findBar);

    connect(m_view, &OutputView::hiddenLinesChanged, this, &OutputPane::updateNotice);
    setWorker(nullptr, nullptr);
}

QAction* OutputPane::addToolAction(const char* objectName, const QString& text, const QIcon& icon,
                                   void (OutputPane::*slot)())
{
    auto* action = new QAction(icon, text, this);
    action->setObjectName(QLatin1String(objectName));
    connect(action, &QAction::triggered, this, slot);
    m_toolBar->addAction(action);
    return action;
}

void OutputPane::setWorker(Worker* worker, OutputLog* log)
{
    if (m_worker)
        disconnect(m_worker, nullptr, this, nullptr);
    m_worker = worker;
    if (worker)
        connect(worker, &Worker::stateChanged, this, [this] {
            updateTitle();
            updateNotice();
        });
    m_view->setLog(log);
    for (QAction* action : m_toolBar->actions())
        action->setEnabled(log != nullptr);
    updateTitle();
    updateNotice();
}

QString OutputPane::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void OutputPane::activateFind()
{
    m_findBar->activate();
}

void OutputPane::copyOutput()
{
    QString text = m_view->textCursor().selectedText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    if (text.isEmpty()) {
        const OutputLog* log = m_view->log();
        QStringList lines;
        for (qsizetype i = 0; log && i < log->lineCount(); ++i)
            lines << OutputLog::displayText(log->line(i).bytes);
        text = lines.join(QLatin1Char('\n'));
    }
    QGuiApplication::clipboard()->setText(text);
    emit statusMessage(tr("Copied %n line(s) to the clipboard", nullptr,
                          static_cast<int>(text.count(QLatin1Char('\n')) + !text.isEmpty())));
}

void OutputPane::saveOutput()
{
    const OutputLog* log = m_view->log();
    if (!log)
        return;
    const QString suggested =
        QDir::home().filePath(fileNameFor(m_worker ? m_worker->name() : QStringLiteral("output")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Output"), suggested,
                                                      tr("Logs (*.log *.txt);;All files (*)"));
    if (path.isEmpty() || !m_view->log())
        return;
    // Bytes as the worker wrote them: the file is the output, not the view's rendering.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        for (qsizetype i = 0; i < log->lineCount(); ++i) {
            const OutputLog::Line line = log->line(i);
            file.write(line.bytes);
            if (!line.partial)
                file.write("\n", 1);
        }
    }
    if (file.commit())
        emit statusMessage(
            tr("Saved %1 lines to %2")
                .arg(QLocale().toString(log->lineCount()), QDir::toNativeSeparators(path)));
    else
        emit statusMessage(
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
}

void OutputPane::clearOutput()
{
    if (OutputLog* log = m_view->log())
        log->clear();
}

void OutputPane::updateTitle()
{
    if (!m_worker) {
        m_title->setText(tr("Output"));
        return;
    }
    QString title = tr("%1 — %2").arg(m_worker->name(), Worker::stateName(m_worker->state()));
    if (const std::optional<int> code = m_worker->exitCode())
        title += tr(", exit code %1").arg(*code);
    m_title->setText(title);
}

void OutputPane::updateNotice()
{
    QStringList notes;
    if (m_worker && m_worker->state() == Worker::State::FailedToStart)
        notes << tr("Failed to start: %1").arg(m_worker->errorString());
    if (const qsizetype hidden = m_view->hiddenLines())
        notes << (hidden == 1 ? tr("1 earlier line dropped")
                              : tr("%1 earlier lines dropped").arg(QLocale().toString(hidden)));
    m_notice->setText(notes.join(QLatin1Char('\n')));
    m_notice->setVisible(!notes.isEmpty());
}

} // namespace twinrun
