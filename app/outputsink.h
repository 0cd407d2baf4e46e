#pragma once

#include <QByteArrayView>
#include <QString>

namespace twinrun {

// stdout or stderr of `twinrun run`, written with ::write: all of each piece, or an error.
// The first error is kept and nothing more is written after it, so a command can stop its
// workers and say so once. SIGPIPE must be ignored (RunControl::start() does), so that a closed
// pipe is the error EPIPE here whatever started the workers.
class OutputSink {
public:
    OutputSink(int fd, const char* name);

    bool write(QByteArrayView data); // false once failed
    bool write(const QString& text) { return write(QByteArrayView(text.toUtf8())); }
    bool failed() const { return m_error != 0; }
    int error() const { return m_error; } // the errno of the first failure
    // "cannot write to stdout: No space left on device"
    QString errorText() const;

private:
    int m_fd;
    const char* m_name;
    int m_error = 0;
};

} // namespace twinrun
