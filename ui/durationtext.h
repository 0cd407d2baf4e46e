#pragma once

#include <QString>

namespace twinrun {

// A run's duration for people: "850 µs", "12.4 ms", "1.25 s", "2 min 05 s".
QString durationText(qint64 nanoseconds);

} // namespace twinrun
