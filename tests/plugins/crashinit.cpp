// A plugin whose static initialiser dies by SIGSEGV: refused by the probe, never loaded.
#include <twinrun/plugin.h>

#include <csignal>

#include <sys/resource.h>

namespace {
const int crashed = [] {
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    std::signal(SIGSEGV, SIG_DFL);
    std::raise(SIGSEGV);
    return 0;
}();
} // namespace

TWINRUN_PLUGIN(crashinit)
{
    plugin.add(QStringLiteral("never"), QStringLiteral("Never registered."), {},
               [](twinrun::WorkerContext&, const twinrun::BoundArgs&) { return crashed; });
}
