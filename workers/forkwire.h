#pragma once

#include "usageread.h"

#include <cstddef>
#include <cstdint>

// The fork server's wire format, shared by the app's side (forkserver.h) and the server's
// loop (forkserverloop.h), over one Unix stream socket pair. Both ends are non-blocking and
// queue what they cannot write yet: neither ever waits on the other without a limit.
//
//   app -> server: Request records.
//     Launch: the header, then `length` bytes of the worker spec's JSON; the worker's stdout
//             and stderr pipe ends travel with the header's first byte (SCM_RIGHTS, two fds).
//     Signal: send `value` (a signal number) to the child of request `id`, if the server still
//             owns it (forked and not yet reaped: its pid cannot have been reused).
//   server -> app: Reply records, each naming the request `id` it answers.
//     Started (value: pid) or Failed (value: errno) answers a Launch; a Started one is
//     followed later by exactly one Exited (value: the raw wait status; usage: the child's
//     rusage from wait4, the exact end figures).
//     Signalled (value: 0, or ESRCH when the child was already reaped) answers a Signal.
//
// Every Request gets exactly one answer (Started, Failed or Signalled); the app counts the
// unanswered ones to notice a server that stopped answering.
namespace twinrun::forkwire {

// The hidden flag that turns the worker program into the fork server; argv[2] is the socket
// fd, argv[3] the pid of the app that must be its parent.
inline constexpr char kServerFlag[] = "--twinrun-forkserver";

struct Request {
    enum Type : std::uint32_t { Launch = 1, Signal = 2 };
    std::uint32_t type = 0;
    std::uint32_t length = 0; // Launch: spec bytes that follow
    std::int32_t value = 0;   // Signal: the signal number
    std::uint32_t reserved = 0;
    std::uint64_t id = 0;
};

struct Reply {
    enum Type : std::uint32_t { Started = 1, Exited = 2, Failed = 3, Signalled = 4 };
    std::uint32_t type = 0;
    std::int32_t value = 0;
    std::uint64_t id = 0;
    ChildUsageRecord usage; // Exited only
};

static_assert(sizeof(Request) == 24 && sizeof(Reply) == 56, "the wire has fixed-size records");

// Fds attached to one Launch: stdout's and stderr's write ends.
inline constexpr int kLaunchFds = 2;

// The server stops reading requests while this many reply bytes wait to be written, so a
// peer that stops reading cannot make it queue without end.
inline constexpr std::size_t kMaxQueuedReplyBytes = 1024 * 1024;

} // namespace twinrun::forkwire
