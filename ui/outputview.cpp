#include "outputview.h"

#include "themecolors.h"
#include <twinrun/outputlog.h>

#include <algorithm>

#include <QEvent>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTextBlock>

namespace twinrun {

OutputView::OutputView(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(OutputLog::Limits{}.maxLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabStopDistance(8 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    setPlaceholderText(tr("No output"));
    applyColors();

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kDefaultRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &OutputView::refreshNow);
}

void OutputView::setLog(OutputLog* log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    if (log)
        setMaximumBlockCount(
            static_cast<int>(std::min<qsizetype>(log->limits().maxLines, INT_MAX)));
    resetDocument();
    if (log) {
        connect(log, &OutputLog::linesChanged, this,
                [this](qsizetype first, qsizetype) { onLinesChanged(first); });
        connect(log, &OutputLog::linesDropped, this, &OutputView::onLinesDropped);
        connect(log, &OutputLog::cleared, this, [this] {
            resetDocument();
            updateHidden();
        });
        connect(log, &QObject::destroyed, this, [this] {
            resetDocument();
            updateHidden();
        });
    }
    refreshNow();
}

qsizetype OutputView::hiddenLines() const
{
    if (!m_log)
        return 0;
    return std::max<qsizetype>(0, m_log->droppedLines() + m_shown - documentLines());
}

void OutputView::setHighlightedLine(qsizetype logIndex)
{
    m_highlight = logIndex;
    updateHighlight();
}

void OutputView::setMarkedLines(const QList<qsizetype>& logIndexes)
{
    m_marks = logIndexes;
    std::sort(m_marks.begin(), m_marks.end());
    updateHighlight();
}

void OutputView::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

void OutputView::onLinesChanged(qsizetype first)
{
    m_dirtyFrom = std::min(m_dirtyFrom, first);
    scheduleRefresh();
}

void OutputView::onLinesDropped(qsizetype count)
{
    // Indexes shift down. Lines dropped before they were shown simply never appear.
    m_shown = std::max<qsizetype>(0, m_shown - count);
    if (m_dirtyFrom != kClean)
        m_dirtyFrom = std::max<qsizetype>(0, m_dirtyFrom - count);
    if (m_highlight >= 0)
        m_highlight = m_highlight >= count ? m_highlight - count : -1;
    QList<qsizetype> marks;
    for (qsizetype mark : std::as_const(m_marks)) {
        if (mark >= count)
            marks << mark - count;
    }
    m_marks = marks;
    scheduleRefresh();
}

void OutputView::resetDocument()
{
    m_refresh.stop();
    clear();
    m_shown = 0;
    m_dirtyFrom = kClean;
    m_hasLines = false;
    m_highlight = -1;
    m_marks.clear();
    setExtraSelections({});
}

void OutputView::refreshNow()
{
    m_refresh.stop();
    if (!m_log) {
        updateHidden();
        return;
    }
    const qsizetype total = m_log->lineCount();
    qsizetype from = std::min(m_dirtyFrom, m_shown);
    m_dirtyFrom = kClean;
    if (from == m_shown && from >= total) {
        updateHidden();
        return;
    }
    const bool follow = isAtBottom();
    // Scrolled up: hold the lines in sight still while earlier ones leave the document.
    const qsizetype top = follow ? -1 : firstVisibleLine();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    removeShownFrom(cursor, from);
    const qsizetype cap = maximumBlockCount();
    if (cap > 0 && total - from >= cap) {
        // Everything shown now would be trimmed anyway: skip straight to the last lines.
        cursor.select(QTextCursor::Document);
        cursor.removeSelectedText();
        m_hasLines = false;
        from = total - cap;
    }
    appendLines(cursor, from, total);
    cursor.endEditBlock();
    m_shown = total;
    if (follow) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
    } else if (top >= 0) {
        const int block = blockOfLine(top);
        verticalScrollBar()->setValue(std::max(block, 0));
    }
    updateHighlight();
    updateHidden();
}

void OutputView::removeShownFrom(QTextCursor& cursor, qsizetype first)
{
    const qsizetype count = m_shown - first;
    if (count <= 0)
        return;
    const qsizetype lines = documentLines();
    if (count >= lines) {
        cursor.select(QTextCursor::Document);
        cursor.removeSelectedText();
        m_hasLines = false;
    } else {
        // Cut from the end of the last line kept, taking the separator with the rest.
        const QTextBlock keep = document()->findBlockByNumber(static_cast<int>(lines - count - 1));
        cursor.setPosition(keep.position() + keep.length() - 1);
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    m_shown = first;
}

void OutputView::appendLines(QTextCursor& cursor, qsizetype from, qsizetype to)
{
    cursor.movePosition(QTextCursor::End);
    QString run;
    Channel runChannel = Channel::Stdout;
    const auto flush = [&] {
        if (!run.isEmpty())
            cursor.insertText(run, runChannel == Channel::Stderr ? m_stderrFormat : m_stdoutFormat);
        run.clear();
    };
    for (qsizetype i = from; i < to; ++i) {
        const OutputLog::Line line = m_log->line(i);
        if (line.channel != runChannel) {
            flush();
            runChannel = line.channel;
        }
        if (m_hasLines)
            run += QLatin1Char('\n');
        run += OutputLog::displayText(line.bytes);
        m_hasLines = true;
    }
    flush();
}

qsizetype OutputView::documentLines() const
{
    return m_hasLines ? document()->blockCount() : 0;
}

int OutputView::blockOfLine(qsizetype logIndex) const
{
    const qsizetype block = logIndex - (m_shown - documentLines());
    return logIndex < 0 || block < 0 || block >= documentLines() ? -1 : static_cast<int>(block);
}

bool OutputView::isAtBottom() const
{
    const QScrollBar* bar = verticalScrollBar();
    return bar->value() >= bar->maximum();
}

qsizetype OutputView::firstVisibleLine() const
{
    if (documentLines() == 0)
        return -1;
    return m_shown - documentLines() + firstVisibleBlock().blockNumber();
}

void OutputView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    applyColors();
    // Lines already shown carry the old colours: show them again.
    const qsizetype highlight = m_highlight;
    const QList<qsizetype> marks = m_marks;
    resetDocument();
    refreshNow();
    m_marks = marks;
    setHighlightedLine(highlight);
}

void OutputView::applyColors()
{
    m_stderrFormat.setForeground(theme::stderrText(palette()));
}

void OutputView::updateHighlight()
{
    QList<QTextEdit::ExtraSelection> selections;
    const auto mark = [&](qsizetype logIndex, const QColor& background) {
        const int block = blockOfLine(logIndex);
        if (block < 0)
            return;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document()->findBlockByNumber(block));
        selection.format.setBackground(background);
        selection.format.setForeground(palette().color(QPalette::Text));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections << selection;
    };
    const QColor marked = theme::differenceMark(palette());
    for (qsizetype logIndex : std::as_const(m_marks)) {
        if (logIndex != m_highlight)
            mark(logIndex, marked);
    }
    mark(m_highlight, theme::lineHighlight(palette())); // last: drawn over the marks
    setExtraSelections(selections);
}

void OutputView::revealHighlightedLine()
{
    const int block = blockOfLine(m_highlight);
    if (block < 0)
        return;
    setTextCursor(QTextCursor(document()->findBlockByNumber(block)));
    centerCursor();
}

void OutputView::updateHidden()
{
    const qsizetype hidden = hiddenLines();
    if (hidden != m_lastHidden) {
        m_lastHidden = hidden;
        emit hiddenLinesChanged(hidden);
    }
}

} // namespace twinrun
