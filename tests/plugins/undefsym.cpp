// A plugin that needs a symbol nothing defines: refused by the probe when it is loaded
// (RTLD_NOW), with the loader's message naming the symbol.
#include <twinrun/plugin.h>

extern "C" int twinrun_test_missing_symbol();

TWINRUN_PLUGIN(undefsym)
{
    plugin.add(QStringLiteral("never"), QStringLiteral("Never registered."), {},
               [](twinrun::WorkerContext&, const twinrun::BoundArgs&) {
                   return twinrun_test_missing_symbol();
               });
}
