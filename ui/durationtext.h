#pragma once

#include <QString>

namespace twinrun {

// A run's duration for people: twinrun::formatDuration() (twinrun/runtext.h), the one style the
// table, the compare view and the command line share.
QString durationText(qint64 nanoseconds);

} // namespace twinrun
