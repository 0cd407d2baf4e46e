// A plugin whose static initialiser never returns: refused by the probe's timeout.
#include <twinrun/plugin.h>

#include <unistd.h>

namespace {
const int hung = [] {
    for (;;)
        ::pause();
    return 0;
}();
} // namespace

TWINRUN_PLUGIN(hanginit)
{
    plugin.add(QStringLiteral("never"), QStringLiteral("Never registered."), {},
               [](twinrun::WorkerContext&, const twinrun::BoundArgs&) { return hung; });
}
