#pragma once

#include <QStringList>

namespace twinrun {

// The command line. Returns the exit status: 0 ok, 2 bad usage, else as `run` documents.
// Needs a QCoreApplication. Returns std::nullopt-like -1 when the window should open instead.
int runCommandLine(const QStringList& arguments);

// True when the arguments ask for a command-line action rather than the window.
bool wantsCommandLine(const QStringList& arguments);

} // namespace twinrun
