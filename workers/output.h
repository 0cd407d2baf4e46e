#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace twinrun {

enum class Channel { Stdout, Stderr };

// A piece of a worker's output on one channel. Chunks keep their arrival order, so a log can
// show stdout and stderr interleaved as they were written and still tell them apart.
struct OutputChunk {
    Channel channel = Channel::Stdout;
    QByteArray data;
};
using OutputChunks = QList<OutputChunk>;

} // namespace twinrun

Q_DECLARE_METATYPE(twinrun::Channel)
