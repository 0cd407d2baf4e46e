#include <twinrun/outputlog.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace twinrun {

namespace {

// Big enough that a flood costs a few allocations per 64 KiB, small enough that dropping
// the oldest block frees memory in useful steps.
constexpr qsizetype kBlockBytes = 64 * 1024;

void appendDisplayCodePoint(QString& text, char32_t cp)
{
    if (cp < 0x20 && cp != u'\t')
        cp += 0x2400;
    else if (cp == 0x7f)
        cp = 0x2421;
    if (QChar::requiresSurrogates(cp)) {
        text += QChar(QChar::highSurrogate(cp));
        text += QChar(QChar::lowSurrogate(cp));
    } else {
        text += QChar(char16_t(cp));
    }
}

// UTF-8 with one U+FFFD per maximal ill-formed subpart (Unicode's recommended practice, and
// what Python's errors='replace' does). QString::fromUtf8 replaces each byte of a truncated
// sequence instead, which shows more replacement marks than there were broken characters.
void appendDecoded(QString& text, QByteArrayView bytes)
{
    const auto* s = reinterpret_cast<const uchar*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar lead = s[i++];
        if (lead < 0x80) {
            appendDisplayCodePoint(text, lead);
            continue;
        }
        int continuations = 0;
        char32_t cp = 0;
        uchar low = 0x80; // range of the first continuation byte (Unicode table 3-7)
        uchar high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            continuations = 1;
            cp = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            continuations = 2;
            cp = lead & 0x0f;
            low = lead == 0xe0 ? 0xa0 : 0x80;  // no overlong forms
            high = lead == 0xed ? 0x9f : 0xbf; // no surrogates
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            continuations = 3;
            cp = lead & 0x07;
            low = lead == 0xf0 ? 0x90 : 0x80;
            high = lead == 0xf4 ? 0x8f : 0xbf; // nothing above U+10FFFF
        } else {
            appendDisplayCodePoint(text, QChar::ReplacementCharacter);
            continue;
        }
        bool complete = true;
        for (int k = 0; k < continuations; ++k) {
            if (i >= n || s[i] < low || s[i] > high) {
                complete = false;
                break;
            }
            cp = (cp << 6) | (s[i++] & 0x3f);
            low = 0x80;
            high = 0xbf;
        }
        appendDisplayCodePoint(text, complete ? cp : char32_t(QChar::ReplacementCharacter));
    }
}

} // namespace

// Lines of one channel, stored as received: each line's bytes followed by its '\n' when a
// newline ended it (a cut piece or a partial line has none), so the bytes never need copying
// line by line, and channelBytes() is a concatenation.
struct OutputLog::Block {
    Channel channel = Channel::Stdout;
    qsizetype firstLine = 0; // number of its first line
    QByteArray bytes;
    std::vector<qsizetype> ends; // end offset in bytes of each line

    qsizetype lineCount() const { return qsizetype(ends.size()); }
    qsizetype lineStart(qsizetype k) const { return k == 0 ? 0 : ends[std::size_t(k - 1)]; }
    qsizetype lineEnd(qsizetype k) const { return ends[std::size_t(k)]; }
};

OutputLog::OutputLog(QObject* parent)
    : QObject(parent)
{
}

OutputLog::~OutputLog() = default;

OutputLog::Limits OutputLog::limits() const
{
    return m_limits;
}

void OutputLog::setLimits(const Limits& limits)
{
    m_limits.maxLines = std::max<qsizetype>(limits.maxLines, 1);
    m_limits.maxBytes = std::max<qsizetype>(limits.maxBytes, 1);
    m_limits.maxLineBytes = std::max<qsizetype>(limits.maxLineBytes, 1);
    if (const qsizetype dropped = trim())
        Q_EMIT linesDropped(dropped);
}

void OutputLog::append(Channel channel, QByteArrayView data)
{
    m_changedFrom = -1;
    OpenLine& line = openLine(channel);
    const qsizetype maxLine = m_limits.maxLineBytes;
    const char* p = data.data();
    const char* const end = p + data.size();
    while (p < end) {
        const char* newline = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
        const char* const stop = newline ? newline : end;
        // The content up to the newline, in pieces of at most maxLine bytes; a line that is
        // exactly maxLine long and then ends is one line, not a piece and an empty line.
        do {
            if (line.open && line.length >= maxLine && p < stop)
                line = OpenLine{};
            if (!line.open)
                startLine(channel);
            const qsizetype take = std::clamp<qsizetype>(maxLine - line.length, 0, stop - p);
            const bool ends = newline && p + take == stop;
            extendLine(line, p, take + (ends ? 1 : 0), take);
            p += take;
            if (ends) {
                line = OpenLine{};
                p = newline + 1;
                break;
            }
        } while (p < stop);
    }
    emitChanges(trim());
}

void OutputLog::startLine(Channel channel)
{
    const qsizetype number = m_dropped + m_lineCount;
    if (m_blocks.empty() || m_blocks.back().channel != channel ||
        m_blocks.back().bytes.size() >= kBlockBytes) {
        if (!m_blocks.empty() && m_open[0].block != &m_blocks.back() &&
            m_open[1].block != &m_blocks.back()) {
            // Sealed: it will not grow again, so give back what growth reserved.
            m_blocks.back().bytes.squeeze();
            m_blocks.back().ends.shrink_to_fit();
        }
        m_blocks.push_back(Block{channel, number, {}, {}});
    }
    Block& block = m_blocks.back();
    block.ends.push_back(block.bytes.size());
    openLine(channel) = OpenLine{true, 0, number, &block};
    ++m_lineCount;
    if (m_changedFrom < 0)
        m_changedFrom = number;
}

void OutputLog::extendLine(OpenLine& line, const char* data, qsizetype size, qsizetype contentSize)
{
    line.length += contentSize;
    if (!line.block)
        return;
    line.block->bytes.append(data, size);
    line.block->ends.back() = line.block->bytes.size();
    m_byteCount += size;
    if (m_changedFrom < 0 || line.number < m_changedFrom)
        m_changedFrom = line.number;
}

// Drops the oldest lines until within the limits; returns how many went. Memory is given
// back a whole block at a time; within the front block, dropped lines are just skipped.
qsizetype OutputLog::trim()
{
    qsizetype dropped = 0;
    while (!m_blocks.empty() &&
           (m_lineCount > m_limits.maxLines || m_byteCount > m_limits.maxBytes)) {
        const Block& front = m_blocks.front();
        const qsizetype skippedBytes = front.lineStart(m_frontSkip);
        const qsizetype keptLines = front.lineCount() - m_frontSkip;
        const qsizetype bytesOver = m_byteCount - m_limits.maxBytes;
        qsizetype lines = std::max<qsizetype>(m_lineCount - m_limits.maxLines, 0);
        if (bytesOver > 0) {
            const auto first = front.ends.begin() + m_frontSkip;
            const auto reaching =
                std::lower_bound(first, front.ends.end(), skippedBytes + bytesOver);
            lines = std::max<qsizetype>(lines, (reaching - first) + 1);
        }
        if (lines >= keptLines) {
            lines = keptLines;
            m_byteCount -= front.bytes.size() - skippedBytes;
            dropFrontBlock();
        } else {
            m_byteCount -= front.lineStart(m_frontSkip + lines) - skippedBytes;
            m_frontSkip += lines;
        }
        m_lineCount -= lines;
        m_dropped += lines;
        dropped += lines;
    }
    return dropped;
}

void OutputLog::dropFrontBlock()
{
    for (OpenLine& line : m_open) {
        if (line.block == &m_blocks.front())
            line.block = nullptr;
    }
    m_blocks.pop_front();
    m_frontSkip = 0;
}

void OutputLog::emitChanges(qsizetype dropped)
{
    if (dropped)
        Q_EMIT linesDropped(dropped);
    if (m_changedFrom < 0)
        return;
    const qsizetype first = std::max<qsizetype>(m_changedFrom - m_dropped, 0);
    if (first < m_lineCount)
        Q_EMIT linesChanged(first, m_lineCount - first);
}

void OutputLog::clear()
{
    m_blocks.clear();
    m_lineCount = 0;
    m_byteCount = 0;
    m_dropped = 0;
    m_frontSkip = 0;
    for (OpenLine& line : m_open)
        line = OpenLine{};
    Q_EMIT cleared();
}

qsizetype OutputLog::lineCount() const
{
    return m_lineCount;
}
qsizetype OutputLog::droppedLines() const
{
    return m_dropped;
}
qsizetype OutputLog::totalLines() const
{
    return m_dropped + m_lineCount;
}
qsizetype OutputLog::byteCount() const
{
    return m_byteCount;
}

qsizetype OutputLog::blockIndexOf(qsizetype number) const
{
    const auto after =
        std::upper_bound(m_blocks.begin(), m_blocks.end(), number,
                         [](qsizetype n, const Block& block) { return n < block.firstLine; });
    return (after - m_blocks.begin()) - 1;
}

OutputLog::Line OutputLog::line(qsizetype index) const
{
    if (index < 0 || index >= m_lineCount)
        return {};
    const qsizetype number = m_dropped + index;
    const Block& block = m_blocks[std::size_t(blockIndexOf(number))];
    const qsizetype k = number - block.firstLine;
    const qsizetype start = block.lineStart(k);
    qsizetype end = block.lineEnd(k);
    if (end > start && block.bytes.at(end - 1) == '\n')
        --end;
    const OpenLine& open = openLine(block.channel);
    const bool partial = open.open && open.block && open.number == number;
    return Line{block.channel, block.bytes.sliced(start, end - start), partial};
}

QByteArray OutputLog::channelBytes(Channel channel) const
{
    QByteArray bytes;
    for (const Block& block : m_blocks) {
        if (block.channel != channel)
            continue;
        const qsizetype from = &block == &m_blocks.front() ? block.lineStart(m_frontSkip) : 0;
        bytes.append(QByteArrayView(block.bytes).sliced(from));
    }
    return bytes;
}

QString OutputLog::displayText(QByteArrayView bytes)
{
    // A terminal goes back to the start of the line at '\r' and what follows overwrites what
    // came before. A trailing '\r' (a CRLF line end, or a progress line about to be redrawn)
    // has overwritten nothing yet, so it hides nothing.
    qsizetype end = bytes.size();
    while (end > 0 && bytes[end - 1] == '\r')
        --end;
    qsizetype begin = end;
    while (begin > 0 && bytes[begin - 1] != '\r')
        --begin;
    QString text;
    text.reserve(end - begin);
    appendDecoded(text, bytes.sliced(begin, end - begin));
    return text;
}

} // namespace twinrun
