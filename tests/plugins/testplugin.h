#pragma once

// What the test plugins (tests/plugins) share, so that each file holds only what makes it
// different: the deaths the broken ones die while loading, and the one target of a plugin that
// never gets to register it.

#include <twinrun/plugin.h>

#include <csignal>
#include <cstdlib>

#include <sys/resource.h>
#include <unistd.h>

namespace testplugin {

// These deaths are on purpose: no core file, the signal's default action whatever the host set.
inline void prepareToDie(int signal)
{
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    std::signal(signal, SIG_DFL);
}

// Dies by signal (SIGSEGV: a crash). Returns 0 only if it cannot (never, in these plugins): an
// int, to initialise a static with.
inline int dieBy(int signal)
{
    prepareToDie(signal);
    std::raise(signal);
    return 0;
}

// Dies in std::abort(), as a failed assertion does.
inline int abortNow()
{
    prepareToDie(SIGABRT);
    std::abort();
}

// Never returns, as a plugin stuck in its static initialiser.
inline int hang()
{
    for (;;)
        ::pause();
}

// The one target of a plugin refused before it registers anything: "never", whose call returns
// body() (a static whose initialiser never completes, a symbol nothing defines), so that the
// library uses it.
inline void addNever(twinrun::PluginTargets& plugin, int (*body)())
{
    plugin.add(QStringLiteral("never"), QStringLiteral("Never registered."), {},
               [body](twinrun::WorkerContext&, const twinrun::BoundArgs&) { return body(); });
}

} // namespace testplugin
