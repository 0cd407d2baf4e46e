#include "fdlimit.h"

#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace twinrun {

namespace {

// How many descriptors can be opened now, up to `enough`: open them, count, close them.
int freeDescriptors(int enough)
{
    std::vector<int> opened;
    opened.reserve(enough);
    while (static_cast<int>(opened.size()) < enough) {
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            break;
        opened.push_back(fd);
    }
    for (int fd : opened)
        ::close(fd);
    return static_cast<int>(opened.size());
}

} // namespace

QString prepareFileDescriptors()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit); // a failure leaves the soft limit as it was
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    const int available = freeDescriptors(kMinFreeFileDescriptors);
    if (available >= kMinFreeFileDescriptors)
        return {};
    const QString ulimit = limit.rlim_cur == RLIM_INFINITY
                               ? QStringLiteral("unlimited")
                               : QString::number(static_cast<qulonglong>(limit.rlim_cur));
    return QStringLiteral("twinrun: too few file descriptors (ulimit -n %1): %2 free, need at "
                          "least %3 free")
        .arg(ulimit)
        .arg(available)
        .arg(kMinFreeFileDescriptors);
}

} // namespace twinrun
