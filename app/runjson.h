#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace twinrun {

class Worker;

// The start of one channel's output, for `--json`: the first kJsonFieldBytes bytes are kept,
// the rest only counted, so a run's memory stays bounded whatever it prints.
class CappedCapture {
public:
    static constexpr qsizetype kJsonFieldBytes = 1024 * 1024;

    void append(QByteArrayView data);
    // The kept bytes, cut back to whole UTF-8 characters when the output was truncated.
    QByteArray text() const;
    qint64 totalBytes() const { return m_total; }
    bool truncated() const { return m_total > m_head.size(); }

private:
    QByteArray m_head;
    qint64 m_total = 0;
};

// One compact JSON object and a newline: the worker's spec, how it ended, and its output
// (stdout/stderr capped, with stdout_bytes/stderr_bytes and, when cut, stdout_truncated /
// stderr_truncated; see README, "Command line").
QByteArray runJson(const Worker& worker, const CappedCapture& out, const CappedCapture& err,
                   bool timedOut);

} // namespace twinrun
