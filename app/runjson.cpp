#include "runjson.h"

#include <twinrun/worker.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace twinrun {

void CappedCapture::append(QByteArrayView data)
{
    m_total += data.size();
    const qsizetype room = kJsonFieldBytes - m_head.size();
    if (room > 0)
        m_head.append(data.first(std::min(room, data.size())));
}

QByteArray CappedCapture::text() const
{
    if (!truncated())
        return m_head;
    // Drop a UTF-8 sequence the cap cut in two: back up over continuation bytes to the lead
    // byte, and keep that character only if all of its bytes are there.
    qsizetype end = m_head.size();
    qsizetype lead = end;
    while (lead > 0 && end - lead < 4 && (uchar(m_head[lead - 1]) & 0xC0) == 0x80)
        --lead;
    if (lead > 0) {
        const uchar c = uchar(m_head[lead - 1]);
        const qsizetype length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (end - (lead - 1) < length)
            end = lead - 1;
    }
    return m_head.first(end);
}

namespace {

QJsonValue milliseconds(qint64 us)
{
    return us < 0 ? QJsonValue() : QJsonValue(double(us) / 1000.0);
}

// The run's final figures (resourceusage.h): null where the kernel gave none (a spawned
// process killed by a signal, a run that never started).
void insertUsage(QJsonObject& object, const Worker& w)
{
    const ResourceUsage u = w.resourceUsage();
    if (w.backend() == Backend::Thread) {
        object.insert(QStringLiteral("thread_cpu_ms"), milliseconds(u.cpuUs()));
        return;
    }
    object.insert(QStringLiteral("cpu_user_ms"), milliseconds(u.cpuUserUs));
    object.insert(QStringLiteral("cpu_system_ms"), milliseconds(u.cpuSystemUs));
    object.insert(QStringLiteral("max_rss_kb"),
                  u.peakRssKb < 0 ? QJsonValue() : QJsonValue(u.peakRssKb));
}

} // namespace

QByteArray runJson(const Worker& w, const CappedCapture& out, const CappedCapture& err,
                   bool timedOut)
{
    QJsonArray args;
    for (const Value& v : w.spec().args)
        args.append(v.toJson());
    QJsonObject kwargs;
    for (const auto& [key, value] : w.spec().kwargs)
        kwargs.insert(key, value.toJson());
    QJsonObject object{
        {QStringLiteral("name"), w.name()},
        {QStringLiteral("backend"), backendName(w.backend())},
        {QStringLiteral("target"), w.spec().target},
        {QStringLiteral("args"), args},
        {QStringLiteral("kwargs"), kwargs},
        {QStringLiteral("daemon"), w.isDaemon()},
        {QStringLiteral("start_method"), w.backend() == Backend::Process
                                             ? QJsonValue(startMethodName(w.spec().startMethod))
                                             : QJsonValue()},
        {QStringLiteral("state"), Worker::stateName(w.state())},
        {QStringLiteral("exit_code"), w.exitCode() ? QJsonValue(*w.exitCode()) : QJsonValue()},
        {QStringLiteral("pid"), static_cast<qint64>(w.pid())},
        {QStringLiteral("ident"), QString::number(w.ident())},
        {QStringLiteral("native_id"), static_cast<qint64>(w.nativeId())},
        {QStringLiteral("start_time"), w.startTime().toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_ms"), w.durationNs() / 1e6},
        {QStringLiteral("stdout"), QString::fromUtf8(out.text())},
        {QStringLiteral("stderr"), QString::fromUtf8(err.text())},
        {QStringLiteral("stdout_bytes"), out.totalBytes()},
        {QStringLiteral("stderr_bytes"), err.totalBytes()},
    };
    insertUsage(object, w);
    if (out.truncated())
        object.insert(QStringLiteral("stdout_truncated"), true);
    if (err.truncated())
        object.insert(QStringLiteral("stderr_truncated"), true);
    if (!w.errorString().isEmpty())
        object.insert(QStringLiteral("error"), w.errorString());
    if (timedOut)
        object.insert(QStringLiteral("timed_out"), true);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace twinrun
