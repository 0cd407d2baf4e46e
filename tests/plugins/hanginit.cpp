// A plugin whose static initialiser never returns: refused by the probe's timeout.
#include "testplugin.h"

namespace {
const int hung = testplugin::hang();
} // namespace

TWINRUN_PLUGIN(hanginit)
{
    testplugin::addNever(plugin, [] { return hung; });
}
