#include <twinrun/workercontext.h>

#include <cmath>

namespace twinrun {

namespace {
constexpr qsizetype kDeliverBytes = 64 * 1024;
constexpr qint64 kDeliverMsecs = 50;
} // namespace

WorkerContext::WorkerContext(Identity identity)
    : m_identity(std::move(identity))
{
    m_sinceDelivery.start();
}

WorkerContext::~WorkerContext() = default;

void WorkerContext::print(const QString& line)
{
    QByteArray bytes = line.toUtf8();
    bytes.append('\n');
    write(Channel::Stdout, bytes);
}

void WorkerContext::printError(const QString& line)
{
    QByteArray bytes = line.toUtf8();
    bytes.append('\n');
    write(Channel::Stderr, bytes);
}

void WorkerContext::write(Channel channel, QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (!m_pending.isEmpty() && m_pending.last().channel == channel)
        m_pending.last().data.append(bytes);
    else
        m_pending.append({channel, bytes.toByteArray()});
    m_pendingBytes += bytes.size();
    if (m_pendingBytes >= kDeliverBytes || m_sinceDelivery.hasExpired(kDeliverMsecs))
        flush();
}

void WorkerContext::flush()
{
    m_sinceDelivery.restart();
    if (m_pending.isEmpty())
        return;
    OutputChunks chunks;
    chunks.swap(m_pending);
    m_pendingBytes = 0;
    deliver(std::move(chunks));
}

bool WorkerContext::sleep(double seconds)
{
    flush();
    if (isInterruptionRequested())
        return false;
    if (!(seconds > 0))
        return true;
    const double msecs = std::min(seconds * 1000.0, 1e15);
    return waitInterruptibly(static_cast<std::int64_t>(std::llround(msecs)));
}

} // namespace twinrun

#include <twinrun/target.h>

namespace twinrun {

int runTarget(const Target::Function& run, WorkerContext& context, const BoundArgs& args)
{
    int code = 0;
    try {
        code = run(context, args) & 0xFF;
    } catch (const TargetError& e) {
        context.printError(e.errorType() + QStringLiteral(": ") + e.message());
        code = 1;
    } catch (const std::exception& e) {
        context.printError(QStringLiteral("RuntimeError: ") + QString::fromLocal8Bit(e.what()));
        code = 1;
    } catch (...) {
        context.printError(QStringLiteral("RuntimeError: unknown error"));
        code = 1;
    }
    context.flush();
    return code;
}

} // namespace twinrun
