#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace twinrun {

enum class Channel { Stdout, Stderr };

// A piece of a worker's output on one channel. Chunks keep their arrival order, so a log can
// show stdout and stderr interleaved as they were written and still tell them apart.
struct TWINRUN_WORKERS_EXPORT OutputChunk {
    Channel channel = Channel::Stdout;
    QByteArray data;
};
using OutputChunks = QList<OutputChunk>;

} // namespace twinrun

Q_DECLARE_METATYPE(twinrun::Channel)
