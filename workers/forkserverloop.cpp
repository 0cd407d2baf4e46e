#include "forkserverloop.h"

#include "childmode.h"
#include "forkwire.h"

#include <twinrun/target.h>

#include <QByteArrayView>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <iterator>
#include <unordered_map>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace twinrun {

namespace {

using forkwire::Reply;
using forkwire::Request;

// The terminal's signals: ignored by the server, given back to its children as they were.
constexpr int kTerminalSignals[] = {SIGINT, SIGTERM, SIGQUIT, SIGHUP};
constexpr std::size_t kSignalCount = std::size(kTerminalSignals);
constexpr std::size_t kReadChunk = 64 * 1024;
constexpr int kReadRounds = 16; // chunks read per wake-up before replies get their turn
// Linux hands over one sender's fds per recvmsg (two here); anything cut off breaks the stream.
constexpr int kMaxFdsPerRead = 16;

class Server {
public:
    Server(int socket, pid_t self)
        : m_socket(socket)
        , m_self(self)
    {
    }
    int run();

private:
    bool setUp();
    bool readRequests(); // false: the app is gone or broke the protocol
    bool handleRequests();
    void launch(const Request& request, QByteArrayView spec, int outFd, int errFd);
    void signalChild(const Request& request);
    void reap();
    bool flush(); // false: the app is gone
    void queue(Reply::Type type, std::uint64_t id, std::int32_t value,
               const ChildUsageRecord& usage = {});
    std::size_t queuedReplyBytes() const { return m_out.size() - m_outPos; }
    [[noreturn]] void becomeWorker(int outFd, int errFd, QByteArrayView spec);

    const int m_socket;
    const pid_t m_self;
    int m_signalFd = -1;
    sigset_t m_originalMask{};
    struct sigaction m_original[kSignalCount] = {};
    std::vector<char> m_in;
    std::size_t m_inPos = 0;
    std::deque<int> m_fds; // received, not yet handed to a Launch
    std::vector<char> m_out;
    std::size_t m_outPos = 0;
    std::unordered_map<std::uint64_t, pid_t> m_pidOf; // forked, not yet reaped
    std::unordered_map<pid_t, std::uint64_t> m_idOf;
};

bool Server::setUp()
{
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    for (std::size_t i = 0; i < kSignalCount; ++i)
        ::sigaction(kTerminalSignals[i], &ignore, &m_original[i]);
    sigset_t childSignals;
    sigemptyset(&childSignals);
    sigaddset(&childSignals, SIGCHLD);
    ::sigprocmask(SIG_BLOCK, &childSignals, &m_originalMask);
    m_signalFd = ::signalfd(-1, &childSignals, SFD_CLOEXEC | SFD_NONBLOCK);
    return m_signalFd >= 0 &&
           ::fcntl(m_socket, F_SETFL, ::fcntl(m_socket, F_GETFL) | O_NONBLOCK) == 0;
}

int Server::run()
{
    if (!setUp())
        return 1;
    for (;;) {
        const bool full = queuedReplyBytes() >= forkwire::kMaxQueuedReplyBytes;
        const short events = short((full ? 0 : POLLIN) | (queuedReplyBytes() ? POLLOUT : 0));
        pollfd fds[2] = {{m_socket, events, 0}, {m_signalFd, POLLIN, 0}};
        // Waiting without a limit is right here: the app's end closing, or the app dying
        // (PR_SET_PDEATHSIG), ends this wait too.
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return 1;
        }
        if (fds[1].revents & POLLIN)
            reap();
        if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) && !readRequests())
            return 0; // the app closed its end: the children follow us through PDEATHSIG
        if (!flush())
            return 0;
    }
}

bool Server::readRequests()
{
    char chunk[kReadChunk];
    for (int round = 0; round < kReadRounds; ++round) {
        alignas(cmsghdr) char control[CMSG_SPACE(kMaxFdsPerRead * sizeof(int))];
        iovec io{chunk, sizeof chunk};
        msghdr msg{};
        msg.msg_iov = &io;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(m_socket, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK;
        for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
                continue;
            const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (std::size_t i = 0; i < count; ++i) {
                int fd = -1;
                std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                m_fds.push_back(fd);
            }
        }
        if (n == 0 || (msg.msg_flags & MSG_CTRUNC))
            return false;
        m_in.insert(m_in.end(), chunk, chunk + n);
        if (!handleRequests())
            return false;
        if (queuedReplyBytes() >= forkwire::kMaxQueuedReplyBytes)
            break;
    }
    return true;
}

bool Server::handleRequests()
{
    while (m_in.size() - m_inPos >= sizeof(Request)) {
        Request request;
        std::memcpy(&request, m_in.data() + m_inPos, sizeof request);
        if (request.type == Request::Signal) {
            signalChild(request);
            m_inPos += sizeof request;
            continue;
        }
        if (request.type != Request::Launch || request.length > kMaxChildSpecBytes)
            return false;
        if (m_in.size() - m_inPos < sizeof request + request.length)
            break;
        if (m_fds.size() < forkwire::kLaunchFds)
            return false;
        const int outFd = m_fds.front();
        m_fds.pop_front();
        const int errFd = m_fds.front();
        m_fds.pop_front();
        launch(request,
               QByteArrayView(m_in.data() + m_inPos + sizeof request, qsizetype(request.length)),
               outFd, errFd);
        m_inPos += sizeof request + request.length;
    }
    m_in.erase(m_in.begin(), m_in.begin() + std::ptrdiff_t(m_inPos));
    m_inPos = 0;
    return true;
}

void Server::launch(const Request& request, QByteArrayView spec, int outFd, int errFd)
{
    // The terminal's signals stay blocked across the fork: one sent to the new child before it
    // has taken back the app's dispositions is then held, not dropped as ignored (a blocked
    // signal is never discarded), and arrives once becomeWorker() unblocks it.
    sigset_t terminal;
    sigemptyset(&terminal);
    for (int signal : kTerminalSignals)
        sigaddset(&terminal, signal);
    sigset_t serverMask;
    ::sigprocmask(SIG_BLOCK, &terminal, &serverMask);
    const pid_t pid = ::fork();
    if (pid == 0)
        becomeWorker(outFd, errFd, spec);
    const int forkError = errno;
    ::sigprocmask(SIG_SETMASK, &serverMask, nullptr);
    ::close(outFd);
    ::close(errFd);
    if (pid < 0) {
        queue(Reply::Failed, request.id, forkError);
        return;
    }
    m_pidOf.emplace(request.id, pid);
    m_idOf.emplace(pid, request.id);
    queue(Reply::Started, request.id, pid);
}

// The child is ours until reap() has collected it, so its pid cannot belong to anyone else.
void Server::signalChild(const Request& request)
{
    const auto it = m_pidOf.find(request.id);
    int result = ESRCH;
    if (it != m_pidOf.end())
        result = ::kill(it->second, request.value) == 0 ? 0 : errno;
    queue(Reply::Signalled, request.id, result);
}

void Server::reap()
{
    signalfd_siginfo info{};
    while (::read(m_signalFd, &info, sizeof info) == sizeof info) {
    }
    int status = 0;
    pid_t pid = 0;
    rusage ru{};
    while ((pid = ::wait4(-1, &status, WNOHANG, &ru)) > 0) {
        const auto it = m_idOf.find(pid);
        if (it == m_idOf.end())
            continue;
        queue(Reply::Exited, it->second, status, toRecord(usageFromRusage(ru, true)));
        m_pidOf.erase(it->second);
        m_idOf.erase(it);
    }
}

void Server::queue(Reply::Type type, std::uint64_t id, std::int32_t value,
                   const ChildUsageRecord& usage)
{
    const Reply reply{type, value, id, usage};
    const char* bytes = reinterpret_cast<const char*>(&reply);
    m_out.insert(m_out.end(), bytes, bytes + sizeof reply);
}

bool Server::flush()
{
    while (m_outPos < m_out.size()) {
        const ssize_t n = ::send(m_socket, m_out.data() + m_outPos, m_out.size() - m_outPos,
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break; // poll() says when there is room again
        if (n <= 0)
            return false;
        m_outPos += std::size_t(n);
    }
    m_out.erase(m_out.begin(), m_out.begin() + std::ptrdiff_t(m_outPos));
    m_outPos = 0;
    return true;
}

// In the forked child: become the worker's process, as a spawned child would start, and never
// return. A plugin target's plugin is loaded here, in the child (runChildSpec), not in the
// server: the server stays single-threaded and free of plugin code (a plugin's static
// initialiser may start threads, and forking a process with threads is unsafe), and a plugin
// that misbehaves costs one worker, not the server and every worker with it. The price is a
// dlopen per launch of a plugin target.
void Server::becomeWorker(int outFd, int errFd, QByteArrayView spec)
{
    for (std::size_t i = 0; i < kSignalCount; ++i)
        ::sigaction(kTerminalSignals[i], &m_original[i], nullptr);
    ::sigprocmask(SIG_SETMASK, &m_originalMask, nullptr);
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    ::dup2(devNull, STDIN_FILENO);
    ::dup2(outFd, STDOUT_FILENO);
    ::dup2(errFd, STDERR_FILENO);
    // Nothing else of the server's: not its socket, nor other workers' pipes still queued.
    if (::close_range(3, ~0U, 0) != 0) {
        for (int fd : {devNull, outFd, errFd, m_socket, m_signalFd})
            ::close(fd);
        for (int fd : m_fds)
            ::close(fd);
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != m_self)
        ::_exit(127);
    ::_exit(runChildSpec(spec));
}

} // namespace

bool isForkServerInvocation(int argc, char** argv)
{
    return argc >= 2 && std::strcmp(argv[1], forkwire::kServerFlag) == 0;
}

int runForkServer(int argc, char** argv)
{
    struct stat info {};
    const int socket = argc >= 4 ? std::atoi(argv[2]) : -1;
    const pid_t parent = argc >= 4 ? static_cast<pid_t>(std::atoll(argv[3])) : -1;
    if (socket < 0 || ::fstat(socket, &info) != 0 || !S_ISSOCK(info.st_mode)) {
        std::fprintf(stderr,
                     "twinrun: %s: this mode is internal to TwinRun's forkserver start "
                     "method: it expects a socket from the app, not a terminal\n",
                     forkwire::kServerFlag);
        return 2;
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        return 1;
    (void)TargetRegistry::instance(); // built before forking, so that no child pays for it
    return Server(socket, ::getpid()).run();
}

} // namespace twinrun
