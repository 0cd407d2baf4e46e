#include "forkserver.h"

#include "childmode.h"
#include "forkwire.h"

#include <twinrun/workerprogram.h>

#include <QPointer>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace twinrun {

namespace {

using forkwire::Reply;
using forkwire::Request;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// "killed by SIGKILL", "exit code 1": how an ended server process ended.
QString describeEnd(const QProcess& process)
{
    if (process.exitStatus() == QProcess::NormalExit)
        return QStringLiteral("the fork server ended (exit code %1)").arg(process.exitCode());
    const char* abbrev = ::sigabbrev_np(process.exitCode());
    return QStringLiteral("the fork server ended (killed by %1)")
        .arg(abbrev ? QStringLiteral("SIG%1").arg(QLatin1String(abbrev))
                    : QStringLiteral("signal %1").arg(process.exitCode()));
}

void closeFds(int (&fds)[2])
{
    for (int& fd : fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

} // namespace

ForkServer* ForkServer::instance()
{
    static QPointer<ForkServer> server;
    if (!server)
        server = new ForkServer; // parentless: lives until the app ends, like the server
    return server;
}

ForkServer::ForkServer()
    : m_watchdog(new QTimer(this))
{
    m_watchdog->setSingleShot(true);
    connect(m_watchdog, &QTimer::timeout, this, &ForkServer::checkAnswers);
}

ForkServer::~ForkServer()
{
    for (Outgoing& outgoing : m_queue)
        closeFds(outgoing.fds);
    if (m_socket >= 0)
        ::close(m_socket);
}

Status ForkServer::ensureRunning()
{
    if (m_socket >= 0)
        return Status::ok();
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return Status::error(
            QStringLiteral("cannot create the fork server's socket: %1").arg(errnoText(errno)));
    ::fcntl(pair[0], F_SETFL, ::fcntl(pair[0], F_GETFL) | O_NONBLOCK);
    // Ready before the process starts: its failure to start may be reported from start().
    ++m_generation;
    m_socket = pair[0];
    m_in.clear();
    m_readNotifier = new QSocketNotifier(m_socket, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &ForkServer::onReadable);
    m_writeNotifier = new QSocketNotifier(m_socket, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &ForkServer::flush);

    auto* process = new QProcess(this);
    m_process = process;
    process->setProgram(workerProgram());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kWorkerChildMarker), QString::number(::getpid()));
    process->setProcessEnvironment(environment);
    process->setArguments({QString::fromLatin1(forkwire::kServerFlag), QString::number(pair[1]),
                           QString::number(::getpid())});
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    const int serverEnd = pair[1];
    process->setChildProcessModifier([serverEnd] { ::fcntl(serverEnd, F_SETFD, 0); });
    connect(process, &QProcess::finished, this, [this, process] {
        if (process == m_process)
            connectionLost(std::nullopt, Ending::Wait);
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart && process == m_process)
            connectionLost(
                QStringLiteral("the fork server could not start: %1").arg(process->errorString()),
                Ending::Wait);
    });
    process->start();
    ::close(serverEnd);
    if (m_socket < 0)
        return Status::error(m_lastLoss);
    return Status::ok();
}

Status ForkServer::launch(const QByteArray& spec, int stdoutFd, int stderrFd,
                          ForkListener* listener, std::uint64_t* id)
{
    Outgoing outgoing;
    outgoing.fds[0] = stdoutFd;
    outgoing.fds[1] = stderrFd;
    if (spec.size() > kMaxChildSpecBytes) {
        closeFds(outgoing.fds);
        return Status::error(QStringLiteral("the worker spec is larger than %1 MiB")
                                 .arg(kMaxChildSpecBytes / (1024 * 1024)));
    }
    if (qsizetype(m_queue.size()) >= kMaxQueuedRequests) {
        closeFds(outgoing.fds);
        return Status::error(
            QStringLiteral("%1 launches are already waiting for the fork server; try again later")
                .arg(m_queue.size()));
    }
    if (Status running = ensureRunning(); !running) {
        closeFds(outgoing.fds);
        return running;
    }
    const Request request{Request::Launch, static_cast<std::uint32_t>(spec.size()), 0, 0,
                          m_nextId++};
    outgoing.bytes.reserve(qsizetype(sizeof request) + spec.size());
    outgoing.bytes.append(reinterpret_cast<const char*>(&request), sizeof request);
    outgoing.bytes.append(spec);
    m_open.insert(request.id, {listener, m_generation});
    *id = request.id;
    enqueue(std::move(outgoing));
    return Status::ok();
}

void ForkServer::signal(std::uint64_t id, int signal)
{
    const auto it = m_open.constFind(id);
    if (it == m_open.constEnd() || it->generation != m_generation || m_socket < 0)
        return; // ended, or its server is gone and took the child with it
    const Request request{Request::Signal, 0, signal, 0, id};
    Outgoing outgoing;
    outgoing.bytes = QByteArray(reinterpret_cast<const char*>(&request), sizeof request);
    enqueue(std::move(outgoing));
}

void ForkServer::forget(std::uint64_t id)
{
    m_open.remove(id);
}

void ForkServer::enqueue(Outgoing outgoing)
{
    if (m_unanswered++ == 0) {
        m_lastHeard.start();
        m_watchdog->start(kAnswerTimeoutMs);
    }
    m_queue.push_back(std::move(outgoing));
    if (m_queue.size() == 1)
        flush(); // the common case: the socket has room, the request leaves at once
}

void ForkServer::flush()
{
    while (!m_queue.empty() && m_socket >= 0) {
        Outgoing& front = m_queue.front();
        iovec io{front.bytes.data() + front.sent, size_t(front.bytes.size() - front.sent)};
        msghdr msg{};
        msg.msg_iov = &io;
        msg.msg_iovlen = 1;
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof front.fds)] = {};
        if (front.fds[0] >= 0) {
            msg.msg_control = control;
            msg.msg_controllen = sizeof control;
            cmsghdr* c = CMSG_FIRSTHDR(&msg);
            c->cmsg_level = SOL_SOCKET;
            c->cmsg_type = SCM_RIGHTS;
            c->cmsg_len = CMSG_LEN(sizeof front.fds);
            std::memcpy(CMSG_DATA(c), front.fds, sizeof front.fds);
        }
        const ssize_t n = ::sendmsg(m_socket, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n <= 0) {
            // The server is gone: reading says so (end of stream), with how it ended.
            m_writeNotifier->setEnabled(false);
            return;
        }
        closeFds(front.fds); // they travel with the first byte
        front.sent += n;
        if (front.sent == front.bytes.size())
            m_queue.pop_front();
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(!m_queue.empty());
}

bool ForkServer::receive()
{
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(m_socket, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        if (n <= 0)
            return false;
        m_lastHeard.start();
        m_in.append(buffer, n);
    }
}

void ForkServer::onReadable()
{
    if (m_socket < 0)
        return;
    const bool open = receive();
    dispatch();
    if (!open)
        connectionLost(std::nullopt, Ending::Wait);
}

void ForkServer::dispatch()
{
    const quint64 generation = m_generation;
    const qsizetype count = m_in.size() / qsizetype(sizeof(Reply));
    if (count == 0)
        return; // memcpy must not be given the null data of an empty list
    QList<Reply> replies(count);
    std::memcpy(replies.data(), m_in.constData(), size_t(count) * sizeof(Reply));
    m_in.remove(0, count * qsizetype(sizeof(Reply)));
    // Listeners may launch, forget or end anything from their reports: look each one up anew.
    for (const Reply& r : replies) {
        if (r.type != Reply::Exited && generation == m_generation && m_unanswered > 0)
            --m_unanswered;
        const auto it = m_open.find(r.id);
        if (it == m_open.end() || r.type == Reply::Signalled)
            continue;
        ForkListener* listener = it->listener;
        if (r.type == Reply::Started) {
            listener->forkStarted(r.value);
            continue;
        }
        m_open.erase(it);
        if (r.type == Reply::Exited)
            listener->forkExited(r.value, fromRecord(r.usage));
        else
            listener->forkFailed(
                QStringLiteral("the fork server could not fork: %1").arg(errnoText(r.value)));
    }
    if (m_unanswered == 0)
        m_watchdog->stop();
}

void ForkServer::checkAnswers()
{
    if (m_unanswered == 0 || m_socket < 0)
        return;
    onReadable(); // what it sent while this thread was busy counts
    if (m_unanswered == 0 || m_socket < 0)
        return;
    const qint64 left = kAnswerTimeoutMs - m_lastHeard.elapsed();
    if (left > 0) {
        m_watchdog->start(int(left));
        return;
    }
    connectionLost(QStringLiteral("the fork server did not answer for %1 s; it was killed, with "
                                  "its workers, and the next launch starts a new one")
                       .arg(kAnswerTimeoutMs / 1000),
                   Ending::Kill);
}

void ForkServer::waitForActivity(int msecs, std::span<const int> fds)
{
    if (!m_retiring.isEmpty()) {
        m_retiring.constFirst()->waitForFinished(msecs); // reports the end of its launches
        return;
    }
    constexpr std::size_t kMaxFds = 8;
    pollfd polled[kMaxFds];
    nfds_t n = 0;
    if (m_socket >= 0)
        polled[n++] = {m_socket, short(POLLIN | (m_queue.empty() ? 0 : POLLOUT)), 0};
    for (int fd : fds.first(std::min(fds.size(), kMaxFds - 1)))
        polled[n++] = {fd, POLLIN, 0};
    if (m_unanswered > 0)
        msecs = int(std::clamp<qint64>(kAnswerTimeoutMs - m_lastHeard.elapsed(), 0, msecs));
    if (::poll(polled, n, msecs) < 0)
        return;
    if (m_socket >= 0 && polled[0].fd == m_socket) {
        if (polled[0].revents & POLLOUT)
            flush();
        if (polled[0].revents & (POLLIN | POLLHUP | POLLERR))
            onReadable();
    }
    checkAnswers();
}

void ForkServer::connectionLost(const std::optional<QString>& why, Ending ending)
{
    if (m_socket < 0)
        return;
    const quint64 generation = m_generation;
    (void)receive(); // replies it sent before it ended still count
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    ::close(m_socket);
    m_socket = -1;
    for (Outgoing& outgoing : m_queue)
        closeFds(outgoing.fds);
    m_queue.clear();
    m_unanswered = 0;
    m_watchdog->stop();
    dispatch();
    if (generation == m_generation)
        m_in.clear(); // a partial record at most; a new server's buffer starts empty anyway

    QProcess* process = std::exchange(m_process, nullptr);
    m_lastLoss = why.value_or(QStringLiteral("the fork server ended"));
    if (!process || process->state() == QProcess::NotRunning) {
        if (process && !why && process->error() != QProcess::FailedToStart)
            m_lastLoss = describeEnd(*process);
        if (process)
            process->deleteLater();
        failGeneration(generation, m_lastLoss);
        return;
    }
    // Its socket is closed, so it is ending: report its launches once its end is known.
    process->disconnect(this);
    if (ending == Ending::Kill)
        process->kill();
    m_retiring.append(process);
    connect(process, &QProcess::finished, this, [this, process, generation, why] {
        m_retiring.removeOne(process);
        process->deleteLater();
        failGeneration(generation, why.value_or(describeEnd(*process)));
    });
    QTimer::singleShot(kAnswerTimeoutMs, process, [process] { process->kill(); });
}

void ForkServer::failGeneration(quint64 generation, const QString& why)
{
    QList<std::uint64_t> ids;
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        if (it->generation == generation)
            ids.append(it.key());
    }
    for (std::uint64_t id : ids) {
        const auto it = m_open.find(id);
        if (it == m_open.end())
            continue;
        ForkListener* listener = it->listener;
        m_open.erase(it);
        listener->forkFailed(why);
    }
}

} // namespace twinrun
