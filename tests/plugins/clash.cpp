// A plugin whose target clash.hello the test registers first, by hand: refused as a clash.
#include <twinrun/plugin.h>

TWINRUN_PLUGIN(clash)
{
    plugin.add(QStringLiteral("hello"), QStringLiteral("Prints hello."), {},
               [](twinrun::WorkerContext& context, const twinrun::BoundArgs&) {
                   context.print(QStringLiteral("hello"));
                   return 0;
               });
}
