#pragma once

// The fork server's own process: the worker program started with forkwire::kServerFlag by
// ForkServer (forkserver.h). Single-threaded, with Qt and the target registry already loaded,
// it forks one child per Launch request, so a launch pays a fork instead of an exec.
//
// Its loop never blocks on the app: the socket is non-blocking, replies are queued and written
// when the socket is writable, and it stops reading requests while kMaxQueuedReplyBytes of
// replies wait. Children are reaped as soon as SIGCHLD arrives (signalfd), so no zombie piles up.
//
// Signals: the server ignores the terminal's signals (SIGINT, SIGTERM, SIGQUIT, SIGHUP), so a
// Ctrl-C to the app's process group does not end it and, through PR_SET_PDEATHSIG, every worker
// with it. Its children get back the dispositions and signal mask the server was started with,
// which are the app's, as a spawned child has them: a worker child still gets the group's Ctrl-C
// exactly as a spawn child does (see README, "Parity choices").
//
// Lifetimes: the server gets SIGKILL when the app thread that started it dies, each child gets
// SIGKILL when the server dies (PR_SET_PDEATHSIG both), and the server exits when the app closes
// its end of the socket: nothing outlives the app.
namespace twinrun {

bool isForkServerInvocation(int argc, char** argv);
// The server's main loop; returns the exit code (0 when the app closed the socket).
int runForkServer(int argc, char** argv);

} // namespace twinrun
