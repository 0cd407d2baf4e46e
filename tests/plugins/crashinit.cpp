// A plugin whose static initialiser dies by SIGSEGV: refused by the probe, never loaded.
#include "testplugin.h"

namespace {
const int crashed = testplugin::dieBy(SIGSEGV);
} // namespace

TWINRUN_PLUGIN(crashinit)
{
    testplugin::addNever(plugin, [] { return crashed; });
}
