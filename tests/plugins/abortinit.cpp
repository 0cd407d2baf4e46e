// A plugin whose static initialiser aborts: refused by the probe, never loaded.
#include <twinrun/plugin.h>

#include <csignal>
#include <cstdlib>

#include <sys/resource.h>

namespace {
const int aborted = [] {
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    std::signal(SIGABRT, SIG_DFL);
    std::abort();
    return 0;
}();
} // namespace

TWINRUN_PLUGIN(abortinit)
{
    plugin.add(QStringLiteral("never"), QStringLiteral("Never registered."), {},
               [](twinrun::WorkerContext&, const twinrun::BoundArgs&) { return aborted; });
}
