// A plugin that needs a symbol nothing defines: refused by the probe when it is loaded
// (RTLD_NOW), with the loader's message naming the symbol.
#include "testplugin.h"

extern "C" int twinrun_test_missing_symbol();

TWINRUN_PLUGIN(undefsym)
{
    testplugin::addNever(plugin, twinrun_test_missing_symbol);
}
