#include <twinrun/streamcomparator.h>

#include <algorithm>

namespace twinrun {

namespace {

constexpr qsizetype kStep = 64 * 1024;

qsizetype countNewlines(QByteArrayView bytes)
{
    return std::count(bytes.begin(), bytes.end(), '\n');
}

} // namespace

StreamComparator::StreamComparator(qsizetype memoryLimit)
    : m_memoryLimit(memoryLimit)
    , m_channels{ChannelState(memoryLimit), ChannelState(memoryLimit)}
{
}

void StreamComparator::reset()
{
    m_channels = {ChannelState(m_memoryLimit), ChannelState(m_memoryLimit)};
    m_ended[0] = m_ended[1] = false;
}

void StreamComparator::markDifferent(ChannelState& c)
{
    c.firstDifferentLine = c.matchedNewlines + 1;
    for (Stream& s : c.sides)
        s.ahead.clear();
}

void StreamComparator::feed(int side, Channel channel, QByteArrayView data)
{
    if (data.isEmpty())
        return;
    ChannelState& c = state(channel);
    Stream& mine = c.sides[side];
    Stream& other = c.sides[1 - side];
    mine.bytes += data.size();
    mine.newlines += countNewlines(data);
    mine.last = data.back();
    if (c.firstDifferentLine || !c.error.isEmpty())
        return;

    qsizetype pos = 0;
    while (pos < data.size() && !other.ahead.isEmpty()) {
        const QByteArray theirs = other.ahead.take(std::min(kStep, data.size() - pos));
        const QByteArrayView ours = data.sliced(pos, theirs.size());
        const auto [at, unused] = std::mismatch(ours.begin(), ours.end(), theirs.cbegin());
        const qsizetype same = at - ours.begin();
        c.matchedNewlines += countNewlines(ours.first(same));
        if (same < ours.size()) {
            c.bytesDiffer = true;
            markDifferent(c);
            return;
        }
        pos += same;
    }
    if (other.ahead.failed()) {
        c.error = other.ahead.errorString();
        return;
    }
    if (pos == data.size())
        return;
    if (m_ended[1 - side]) {
        markDifferent(c); // more than the other side ever wrote
        return;
    }
    if (!mine.ahead.append(data.sliced(pos)))
        c.error = mine.ahead.errorString();
}

void StreamComparator::endSide(int side)
{
    m_ended[side] = true;
    for (ChannelState& c : m_channels) {
        // The other side already wrote past this side's end.
        if (!c.firstDifferentLine && c.error.isEmpty() && !c.sides[1 - side].ahead.isEmpty())
            markDifferent(c);
    }
}

StreamComparator::ChannelResult StreamComparator::result(Channel channel, bool ended0,
                                                         bool ended1) const
{
    const ChannelState& c = state(channel);
    if (c.firstDifferentLine || !c.error.isEmpty())
        return {c.firstDifferentLine, c.error};
    const bool ended[2] = {ended0, ended1};
    for (int side = 0; side < 2; ++side) {
        // One side has ended and the other has bytes it never matched.
        if (ended[side] && !c.sides[1 - side].ahead.isEmpty())
            return {c.matchedNewlines + 1, {}};
    }
    return {};
}

bool StreamComparator::isPrefix(int side, Channel channel) const
{
    const ChannelState& c = state(channel);
    return !c.bytesDiffer && c.error.isEmpty() && c.sides[side].bytes <= c.sides[1 - side].bytes;
}

qsizetype StreamComparator::lineCount(int side, Channel channel) const
{
    const Stream& s = state(channel).sides[side];
    return s.newlines + (s.bytes > 0 && s.last != '\n' ? 1 : 0);
}

qint64 StreamComparator::byteCount(int side, Channel channel) const
{
    return state(channel).sides[side].bytes;
}

} // namespace twinrun
