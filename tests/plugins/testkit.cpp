// A plugin for the tests: a process-only target and a plain one.
#include "testplugin.h"

TWINRUN_PLUGIN(testkit)
{
    using twinrun::Param;
    using twinrun::Value;
    plugin.add(QStringLiteral("hello"), QStringLiteral("Greets someone."),
               {Param::positional(QStringLiteral("who"), {Value::Type::Str},
                                  Value::fromStr(QStringLiteral("world")))},
               [](twinrun::WorkerContext& context, const twinrun::BoundArgs& args) {
                   context.print(
                       QStringLiteral("hello, %1").arg(args[QStringLiteral("who")].str()));
                   return 0;
               });
    plugin
        .add(QStringLiteral("die"), QStringLiteral("Dies by SIGSEGV."), {},
             [](twinrun::WorkerContext& context, const twinrun::BoundArgs&) {
                 context.flush();
                 return testplugin::dieBy(SIGSEGV);
             })
        .threadRefusal = QStringLiteral("testkit.die() crashes its process on purpose: run it as a "
                                        "process");
}
