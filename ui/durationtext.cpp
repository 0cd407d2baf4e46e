#include "durationtext.h"

#include <twinrun/runtext.h>

namespace twinrun {

QString durationText(qint64 ns)
{
    return formatDuration(ns);
}

} // namespace twinrun
