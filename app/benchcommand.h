#pragma once

#include <QStringList>

namespace twinrun {

// `twinrun bench`: launch latency and output throughput of both backends, with floors
// measured in the same run. Returns the exit status.
int benchCommand(const QStringList& arguments);

} // namespace twinrun
