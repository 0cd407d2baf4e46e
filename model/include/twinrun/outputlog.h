#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/outputchunk.h>

#include <QByteArray>
#include <QObject>
#include <QString>

#include <deque>

namespace twinrun {

// A worker's output, bounded: lines in arrival order, each with its channel, stdout and
// stderr never mixed into one line. Bytes are kept as received; displayText() makes any
// line safe to show (invalid UTF-8, NUL and control bytes become visible symbols).
//
// Storage is a queue of blocks (one channel each, up to ~64 KiB of bytes plus line offsets),
// so appending a flood allocates per block, not per line, and dropping old output drops
// whole blocks. When over the limits the oldest lines go, and droppedLines() says how many.
// A line still missing its newline is held per channel and counts as a line ("partial").
// A single line longer than maxLineBytes is cut into pieces of that size.
class TWINRUN_MODEL_EXPORT OutputLog : public QObject {
    Q_OBJECT
public:
    // Memory stays near maxBytes plus one offset (8 bytes) per kept line plus a block or two.
    struct Limits {
        qsizetype maxLines = 100000;
        qsizetype maxBytes = 32 * 1024 * 1024;
        qsizetype maxLineBytes = 64 * 1024;
    };
    struct Line {
        Channel channel = Channel::Stdout;
        QByteArray bytes; // without the newline
        bool partial = false;
    };

    explicit OutputLog(QObject* parent = nullptr);
    ~OutputLog() override;

    Limits limits() const;
    void setLimits(const Limits& limits); // trims at once if needed

    void append(Channel channel, QByteArrayView data);
    void clear();

    qsizetype lineCount() const;    // lines kept, partial ones included
    qsizetype droppedLines() const; // lines dropped from the front since the last clear()
    qsizetype totalLines() const;   // lineCount() + droppedLines()
    qsizetype byteCount() const;    // bytes kept, newlines included
    Line line(qsizetype index) const;
    QByteArray channelBytes(Channel channel) const; // all kept bytes of one channel, with '\n'

    // Safe, plain text for display: UTF-8 decoded with U+FFFD for invalid bytes, NUL and
    // other C0 controls (but tab) shown as the Unicode control pictures (U+2400 + byte),
    // DEL as U+2421, and for '\r' only what follows the last one (as a terminal shows it;
    // trailing '\r's hide nothing, so CRLF lines and a progress line before its redraw show).
    static QString displayText(QByteArrayView bytes);

Q_SIGNALS:
    // Emitted after each append(): `first` is the index of the first changed line (a partial
    // line that grew is "changed"), `count` the lines from there to the end. When the append
    // also trimmed, linesDropped() comes first, so these indexes are already shifted. Not
    // emitted when nothing kept changed (the rest of a line that was already dropped).
    void linesChanged(qsizetype first, qsizetype count);
    void linesDropped(qsizetype count); // that many lines left the front: indexes shift down
    void cleared();

private:
    struct Block;
    // The line of one channel that has not seen its newline yet. Lines are numbered from the
    // last clear(), dropped ones included, so a number stays valid while the front is trimmed.
    struct OpenLine {
        bool open = false;
        qsizetype length = 0; // content bytes so far, kept or not
        qsizetype number = 0;
        Block* block = nullptr; // null once trimmed away: the rest of the line is dropped too
    };

    OpenLine& openLine(Channel channel) { return m_open[channel == Channel::Stdout ? 0 : 1]; }
    const OpenLine& openLine(Channel channel) const
    {
        return m_open[channel == Channel::Stdout ? 0 : 1];
    }
    void startLine(Channel channel);
    void extendLine(OpenLine& line, const char* data, qsizetype size, qsizetype contentSize);
    qsizetype trim();
    void dropFrontBlock();
    qsizetype blockIndexOf(qsizetype number) const;
    void emitChanges(qsizetype dropped);

    std::deque<Block> m_blocks;
    Limits m_limits;
    qsizetype m_lineCount = 0;
    qsizetype m_byteCount = 0;
    qsizetype m_dropped = 0;
    qsizetype m_frontSkip = 0;    // lines of the front block already dropped
    qsizetype m_changedFrom = -1; // during append(): number of the first changed line
    OpenLine m_open[2];
};

} // namespace twinrun
