#include "outputpane.h"

#include "appresources.h"
#include "findbar.h"
#include "outputview.h"
#include "themecolors.h"
#include <twinrun/outputlog.h>
#include <twinrun/runtext.h>
#include <twinrun/worker.h>
#include <twinrun/workertablemodel.h>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSaveFile>
#include <QStyle>

#include <QToolBar>
#include <QVBoxLayout>
#include <climits>

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
    applyColors();
    m_notice->hide();
    m_findBar->hide();

    m_toolBar->setObjectName(QStringLiteral("outputToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_toolBar->setIconSize(QSize(icon, icon));
    // The title takes what the actions leave (clipped, whole in its tooltip); the actions
    // drop their labels before they would overflow.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 12);
    m_title->setContentsMargins(6, 0, 0, 0);
    addToolAction("findButtonAction", tr("Find"), actionIcon("edit-find"),
                  &OutputPane::activateFind)
        ->setToolTip(tr("Find in the output (Ctrl+F)"));
    addToolAction("copyAction", tr("Copy"), actionIcon("edit-copy"), &OutputPane::copyOutput)
        ->setToolTip(tr("Copy the selection, or the whole output when nothing is selected"));
    addToolAction("saveAction", tr("Save…"), actionIcon("document-save"), &OutputPane::saveOutput)
        ->setToolTip(tr("Save the output to a file"));
    addToolAction("clearAction", tr("Clear"), actionIcon("edit-clear"), &OutputPane::clearOutput)
        ->setToolTip(tr("Clear this worker's output"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_toolBar);
    layout->addLayout(header);
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

QString OutputPane::title() const
{
    return m_title->text();
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
    saveOutputTo(path);
}

bool OutputPane::saveOutputTo(const QString& path)
{
    const OutputLog* log = m_view->log();
    if (!log)
        return false;
    // Bytes as the worker wrote them: the file is the output, not the view's rendering.
    // Only when the log had to drop its start does a first line say so.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        if (const qsizetype dropped = log->droppedLines()) {
            const QString note =
                dropped == 1
                    ? tr("[TwinRun: 1 earlier line was dropped; the log keeps the last %1]")
                          .arg(log->limits().maxLines)
                    : tr("[TwinRun: %1 earlier lines were dropped; the log keeps the last %2]")
                          .arg(dropped)
                          .arg(log->limits().maxLines);
            file.write(note.toUtf8() + '\n');
        }
        for (qsizetype i = 0; i < log->lineCount(); ++i) {
            const OutputLog::Line line = log->line(i);
            file.write(line.bytes);
            if (!line.partial)
                file.write("\n", 1);
        }
    }
    const bool saved = file.commit();
    if (saved)
        emit statusMessage(
            tr("Saved %1 lines to %2")
                .arg(QLocale().toString(log->lineCount()), QDir::toNativeSeparators(path)));
    else
        emit statusMessage(
            tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return saved;
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
    QString title = tr("%1 — %2").arg(m_worker->name(), stateText(m_worker->state()));
    // The table's words: a crash names its signal, "-11 (SIGSEGV)".
    if (m_worker->exitCode())
        title += tr(", exit code %1").arg(WorkerTableModel::exitCodeText(*m_worker));
    m_title->setText(title);
    m_title->setToolTip(title);
}

void OutputPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_toolBarTextWidth = 0;
        fitToolBar();
    }
}

void OutputPane::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitToolBar();
}

void OutputPane::fitToolBar()
{
    if (m_toolBarTextWidth == 0) {
        m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_toolBarTextWidth = m_toolBar->sizeHint().width() + m_title->minimumWidth();
    }
    m_toolBar->setToolButtonStyle(width() >= m_toolBarTextWidth ? Qt::ToolButtonTextBesideIcon
                                                                : Qt::ToolButtonIconOnly);
}

void OutputPane::applyColors()
{
    m_notice->setPalette(theme::barPalette(palette(), theme::noticeBackground(palette())));
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
