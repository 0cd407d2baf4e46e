#include "outputsink.h"

#include "clitext.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace twinrun {

OutputSink::OutputSink(int fd, const char* name)
    : m_fd(fd)
    , m_name(name)
{
}

bool OutputSink::write(QByteArrayView data)
{
    const char* p = data.data();
    qsizetype left = data.size();
    while (left > 0 && !failed()) {
        const ssize_t n = ::write(m_fd, p, static_cast<size_t>(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = n < 0 ? errno : EIO;
            break;
        }
        p += n;
        left -= n;
    }
    return !failed();
}

QString OutputSink::errorText() const
{
    return CliRunText::tr("cannot write to %1: %2")
        .arg(QLatin1String(m_name), QString::fromLocal8Bit(std::strerror(m_error)));
}

} // namespace twinrun
