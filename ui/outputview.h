#pragma once

#include <twinrun/outputlog.h>

#include <QPlainTextEdit>
#include <QPointer>
#include <QTextCharFormat>
#include <QTimer>

#include <limits>

namespace twinrun {

// A live, plain-text view of one OutputLog. Worker text is only ever inserted as plain text
// (displayText, never HTML), stderr lines tinted. The log's signals only mark what changed;
// a timer applies it at a steady rate, so a flood of thousands of lines per second costs one
// document edit per tick. The document keeps as many lines as the log does (one limit: the
// log's maxLines), so what the view shows is what Save writes. The view follows the tail
// unless the user has scrolled up; then it holds still on the lines shown while earlier
// ones are dropped. Colours come from the palette (themecolors.h).
//
// Document block i shows log line (m_shown - documentLines() + i): the last block is always
// the last line shown, which is what lets a growing partial line be replaced in place.
class OutputView : public QPlainTextEdit {
    Q_OBJECT
public:
    static constexpr int kDefaultRefreshMs = 80;

    explicit OutputView(QWidget* parent = nullptr);

    void setLog(OutputLog* log); // null shows nothing
    OutputLog* log() const { return m_log; }
    void setRefreshInterval(int msecs) { m_refresh.setInterval(msecs); }

    // Earlier lines not in the view: dropped by the log or trimmed by the view's own cap.
    qsizetype hiddenLines() const;
    // Marks one log line (a comparison's first difference); -1 clears.
    void setHighlightedLine(qsizetype logIndex);
    qsizetype highlightedLine() const { return m_highlight; }
    void revealHighlightedLine(); // scrolls it to the middle of the view
    // Marks log lines (every line a comparison found different), in a softer tint than the
    // highlighted one; they follow the lines as the log drops earlier ones. Empty clears.
    void setMarkedLines(const QList<qsizetype>& logIndexes);
    const QList<qsizetype>& markedLines() const { return m_marks; }
    // Applies pending log changes now instead of at the next tick.
    void refreshNow();
    // The log line index shown at the top of the view; -1 when nothing is shown.
    qsizetype firstVisibleLine() const;

protected:
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    void hiddenLinesChanged(qsizetype count);

private:
    static constexpr qsizetype kClean = std::numeric_limits<qsizetype>::max();

    void scheduleRefresh();
    void onLinesChanged(qsizetype first);
    void onLinesDropped(qsizetype count);
    void resetDocument();
    void removeShownFrom(QTextCursor& cursor, qsizetype first);
    void appendLines(QTextCursor& cursor, qsizetype from, qsizetype to);
    qsizetype documentLines() const;
    int blockOfLine(qsizetype logIndex) const; // -1 when not in the document
    bool isAtBottom() const;
    void updateHighlight();
    void updateHidden();
    void applyColors();

    QPointer<OutputLog> m_log;
    QTimer m_refresh;
    qsizetype m_shown = 0;          // log lines [0, m_shown) have been put in the document
    qsizetype m_dirtyFrom = kClean; // first shown line that changed since
    bool m_hasLines = false;        // an empty document and a document of one empty line differ
    qsizetype m_highlight = -1;
    QList<qsizetype> m_marks; // sorted log indexes
    qsizetype m_lastHidden = 0;
    QTextCharFormat m_stdoutFormat;
    QTextCharFormat m_stderrFormat;
};

} // namespace twinrun
