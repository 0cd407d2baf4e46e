#include "forkserver.h"

#include "childmode.h"
#include <twinrun/target.h>
#include <twinrun/workerprogram.h>

#include <QProcess>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <unordered_map>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace twinrun {

namespace {

using forkwire::Reply;
using forkwire::Request;

// Reads exactly size bytes (blocking fd); false on EOF or error.
bool readExactly(int fd, void* data, size_t size)
{
    auto* p = static_cast<char*>(data);
    while (size > 0) {
        const ssize_t n = ::read(fd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

// Writes all bytes, waiting for room on a non-blocking fd; false when the peer is gone.
bool writeAll(int fd, const void* data, size_t size)
{
    const auto* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::send(fd, p, size, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd pfd{fd, POLLOUT, 0};
            ::poll(&pfd, 1, -1);
            continue;
        }
        if (n <= 0)
            return false;
        p += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool reply(int socket, Reply::Type type, std::uint64_t id, std::int32_t value)
{
    const Reply r{type, value, id};
    return writeAll(socket, &r, sizeof r);
}

// In the forked child: become the worker's process and never return.
[[noreturn]] void becomeWorker(pid_t server, int socket, int signalFd, int outFd, int errFd,
                               const QByteArray& spec)
{
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::close(socket);
    ::close(signalFd);
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    ::dup2(devNull, STDIN_FILENO);
    ::dup2(outFd, STDOUT_FILENO);
    ::dup2(errFd, STDERR_FILENO);
    ::close(devNull);
    ::close(outFd);
    ::close(errFd);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != server)
        ::_exit(127);
    ::_exit(runChildSpec(spec));
}

// Receives one request with its two fds; false when the app has gone.
bool receiveRequest(int socket, Request* request, int* outFd, int* errFd, QByteArray* spec)
{
    alignas(cmsghdr) char control[CMSG_SPACE(2 * sizeof(int))] = {};
    iovec io{request, sizeof *request};
    msghdr msg{};
    msg.msg_iov = &io;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n = -1;
    do {
        n = ::recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
    } while (n < 0 && errno == EINTR);
    if (n <= 0)
        return false;
    *outFd = *errFd = -1;
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
            c->cmsg_len == CMSG_LEN(2 * sizeof(int))) {
            int fds[2];
            std::memcpy(fds, CMSG_DATA(c), sizeof fds);
            *outFd = fds[0];
            *errFd = fds[1];
        }
    }
    if (static_cast<size_t>(n) < sizeof *request &&
        !readExactly(socket, reinterpret_cast<char*>(request) + n,
                     sizeof *request - static_cast<size_t>(n)))
        return false;
    if (request->length > kMaxChildSpecBytes)
        return false;
    spec->resize(request->length);
    return readExactly(socket, spec->data(), request->length);
}

} // namespace

bool isForkServerInvocation(int argc, char** argv)
{
    return argc >= 2 && std::strcmp(argv[1], kForkServerFlag) == 0;
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
                     kForkServerFlag);
        return 2;
    }
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        return 1;
    (void)TargetRegistry::instance(); // built before forking, so that no child pays for it

    sigset_t childSignals;
    sigemptyset(&childSignals);
    sigaddset(&childSignals, SIGCHLD);
    ::sigprocmask(SIG_BLOCK, &childSignals, nullptr);
    const int signalFd = ::signalfd(-1, &childSignals, SFD_CLOEXEC | SFD_NONBLOCK);
    const pid_t self = ::getpid();
    std::unordered_map<pid_t, std::uint64_t> ids;

    for (;;) {
        pollfd fds[2] = {{socket, POLLIN, 0}, {signalFd, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return 1;
        }
        if (fds[1].revents & POLLIN) {
            signalfd_siginfo info{};
            while (::read(signalFd, &info, sizeof info) == sizeof info) {
            }
            int status = 0;
            pid_t pid = 0;
            while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
                const auto it = ids.find(pid);
                if (it == ids.end())
                    continue;
                const std::uint64_t id = it->second;
                ids.erase(it);
                if (!reply(socket, Reply::Exited, id, status))
                    return 0;
            }
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            Request request;
            int outFd = -1;
            int errFd = -1;
            QByteArray spec;
            if (!receiveRequest(socket, &request, &outFd, &errFd, &spec))
                return 0; // the app closed its end: children follow us through PDEATHSIG
            if (outFd < 0 || errFd < 0) {
                reply(socket, Reply::Failed, request.id, EBADF);
                continue;
            }
            const pid_t pid = ::fork();
            if (pid == 0)
                becomeWorker(self, socket, signalFd, outFd, errFd, spec);
            const int forkError = errno;
            ::close(outFd);
            ::close(errFd);
            if (pid < 0) {
                if (!reply(socket, Reply::Failed, request.id, forkError))
                    return 0;
                continue;
            }
            ids.emplace(pid, request.id);
            if (!reply(socket, Reply::Started, request.id, pid))
                return 0;
        }
    }
}

ForkServer* ForkServer::instance()
{
    static QPointer<ForkServer> server;
    if (!server)
        server = new ForkServer; // parentless: lives until the app ends, like the server
    return server;
}

ForkServer::ForkServer() = default;

ForkServer::~ForkServer()
{
    if (m_socket >= 0)
        ::close(m_socket);
}

Status ForkServer::ensureRunning()
{
    if (m_socket >= 0)
        return Status::ok();
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return Status::error(QStringLiteral("cannot create the fork server's socket: %1")
                                 .arg(QString::fromLocal8Bit(std::strerror(errno))));
    m_process = new QProcess(this);
    m_process->setProgram(workerProgram());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kWorkerChildMarker), QString::number(::getpid()));
    m_process->setProcessEnvironment(environment);
    m_process->setArguments({QString::fromLatin1(kForkServerFlag), QString::number(pair[1]),
                             QString::number(::getpid())});
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    const int serverEnd = pair[1];
    m_process->setChildProcessModifier([serverEnd] { ::fcntl(serverEnd, F_SETFD, 0); });
    connect(m_process, &QProcess::finished, this,
            [this] { serverGone(QStringLiteral("the fork server ended")); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            serverGone(QStringLiteral("the fork server could not start: %1")
                           .arg(m_process->errorString()));
    });
    m_process->start();
    m_process->closeWriteChannel();
    ::close(pair[1]);
    m_socket = pair[0];
    ::fcntl(m_socket, F_SETFL, ::fcntl(m_socket, F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(m_socket, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ForkServer::readReplies);
    return Status::ok();
}

Status ForkServer::launch(const QByteArray& spec, int stdoutFd, int stderrFd, std::uint64_t* id)
{
    if (Status running = ensureRunning(); !running)
        return running;
    const Request request{static_cast<std::uint32_t>(spec.size()), 0, m_nextId++};
    iovec io{const_cast<Request*>(&request), sizeof request};
    alignas(cmsghdr) char control[CMSG_SPACE(2 * sizeof(int))] = {};
    msghdr msg{};
    msg.msg_iov = &io;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(2 * sizeof(int));
    const int fds[2] = {stdoutFd, stderrFd};
    std::memcpy(CMSG_DATA(c), fds, sizeof fds);
    ssize_t sent = -1;
    do {
        sent = ::sendmsg(m_socket, &msg, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        pollfd pfd{m_socket, POLLOUT, 0};
        ::poll(&pfd, 1, -1);
        sent = ::sendmsg(m_socket, &msg, MSG_NOSIGNAL);
    }
    const bool ok = sent > 0 &&
                    writeAll(m_socket, reinterpret_cast<const char*>(&request) + sent,
                             sizeof request - static_cast<size_t>(sent)) &&
                    writeAll(m_socket, spec.constData(), static_cast<size_t>(spec.size()));
    if (!ok) {
        const QString why = QStringLiteral("cannot reach the fork server: %1")
                                .arg(QString::fromLocal8Bit(std::strerror(errno)));
        serverGone(why);
        return Status::error(why);
    }
    m_open.insert(request.id, true);
    *id = request.id;
    return Status::ok();
}

void ForkServer::waitForReplies(int msecs)
{
    if (m_socket < 0)
        return;
    pollfd pfd{m_socket, POLLIN, 0};
    if (::poll(&pfd, 1, msecs) > 0)
        readReplies();
}

void ForkServer::readReplies()
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_socket, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0) {
            serverGone(QStringLiteral("the fork server ended"));
            return;
        }
        if (n < 0)
            break;
        m_partial.append(buffer, n);
    }
    while (m_partial.size() >= qsizetype(sizeof(Reply))) {
        Reply r;
        std::memcpy(&r, m_partial.constData(), sizeof r);
        m_partial.remove(0, sizeof r);
        switch (r.type) {
        case Reply::Started:
            Q_EMIT started(r.id, r.value);
            break;
        case Reply::Exited:
            m_open.remove(r.id);
            Q_EMIT exited(r.id, r.value);
            break;
        case Reply::Failed:
            m_open.remove(r.id);
            Q_EMIT failed(r.id, QStringLiteral("the fork server could not fork: %1")
                                    .arg(QString::fromLocal8Bit(std::strerror(r.value))));
            break;
        default:
            break;
        }
    }
}

void ForkServer::serverGone(const QString& why)
{
    if (m_socket < 0)
        return;
    delete m_notifier;
    m_notifier = nullptr;
    ::close(m_socket);
    m_socket = -1;
    m_partial.clear();
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
            m_process->kill();
        } else {
            m_process->deleteLater();
        }
        m_process = nullptr;
    }
    const QList<std::uint64_t> open = m_open.keys();
    m_open.clear();
    for (std::uint64_t id : open)
        Q_EMIT failed(id, why);
}

} // namespace twinrun
