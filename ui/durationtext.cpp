#include "durationtext.h"

namespace twinrun {

QString durationText(qint64 ns)
{
    if (ns < 0)
        return {};
    if (ns < 1'000'000)
        return QStringLiteral("%1 µs").arg(QString::number(ns / 1e3, 'f', ns < 10'000 ? 1 : 0));
    if (ns < 1'000'000'000)
        return QStringLiteral("%1 ms").arg(QString::number(ns / 1e6, 'f', ns < 10'000'000 ? 2 : 1));
    if (ns < 60'000'000'000)
        return QStringLiteral("%1 s").arg(QString::number(ns / 1e9, 'f', 2));
    const qint64 seconds = ns / 1'000'000'000;
    return QStringLiteral("%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace twinrun
