#pragma once

#include <twinrun/twinrun_model_export.h>

#include <twinrun/outputchunk.h>
#include <twinrun/spillbuffer.h>

#include <QByteArrayView>
#include <QString>

#include <array>

namespace twinrun {

// Compares the complete output of two runs (side 0 and side 1), stdout with stdout and stderr
// with stderr, as their chunks arrive, in any order and any chunking: how stdout and stderr
// interleave, and what a bounded log drops, change nothing.
//
// Bytes are compared as soon as both sides have them; the side that is ahead keeps only its
// unmatched bytes, in a SpillBuffer (memory up to memoryLimit per channel, then a temporary
// file), so memory stays bounded for any output size and the first different line is exact.
// Once a difference is found nothing more is kept. Lines are counted from 1; a last line
// without its newline counts as a line.
class TWINRUN_MODEL_EXPORT StreamComparator {
public:
    struct ChannelResult {
        // 1-based line where the two first differ; 0 while they are the same (so far).
        qsizetype firstDifferentLine = 0;
        // Non-empty when the comparison could not go on (the temporary file failed): then
        // nothing is known past the bytes compared so far.
        QString error;
    };

    explicit StreamComparator(qsizetype memoryLimit = SpillBuffer::kDefaultMemoryLimit);

    void feed(int side, Channel channel, QByteArrayView data);
    // No more output from that side: the other side's further bytes are a difference.
    void endSide(int side);
    void reset();

    // ended: whether each side's output is complete (endSide() or known otherwise). Until
    // both are, a missing tail is not yet a difference.
    ChannelResult result(Channel channel, bool ended0, bool ended1) const;
    ChannelResult result(Channel channel) const { return result(channel, m_ended[0], m_ended[1]); }

    // Whether what side wrote on that channel is a prefix of what the other side wrote (so far:
    // no byte differs and it wrote no more). False once the comparison failed.
    bool isPrefix(int side, Channel channel) const;

    qsizetype lineCount(int side, Channel channel) const;
    qint64 byteCount(int side, Channel channel) const;

private:
    struct Stream {
        explicit Stream(qsizetype memoryLimit)
            : ahead(memoryLimit)
        {
        }
        SpillBuffer ahead; // bytes the other side has not produced yet
        qint64 bytes = 0;
        qsizetype newlines = 0;
        char last = '\n';
    };
    struct ChannelState {
        explicit ChannelState(qsizetype memoryLimit)
            : sides{Stream(memoryLimit), Stream(memoryLimit)}
        {
        }
        std::array<Stream, 2> sides;
        qsizetype matchedNewlines = 0; // in the bytes both sides have and agree on
        qsizetype firstDifferentLine = 0;
        bool bytesDiffer = false; // a byte differs (not just a side that wrote more)
        QString error;
    };

    ChannelState& state(Channel channel) { return m_channels[channel == Channel::Stdout ? 0 : 1]; }
    const ChannelState& state(Channel channel) const
    {
        return m_channels[channel == Channel::Stdout ? 0 : 1];
    }
    static void markDifferent(ChannelState& c);

    qsizetype m_memoryLimit;
    std::array<ChannelState, 2> m_channels;
    bool m_ended[2] = {false, false};
};

} // namespace twinrun
