#include <twinrun/resourceusage.h>

#include "usageread.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace twinrun {

namespace {

// Small files, read with plain syscalls: this runs for every running worker once a second.
int readSmallFile(const char* path, char* buffer, int size)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int total = 0;
    while (total < size - 1) {
        const ssize_t n = ::read(fd, buffer + total, size_t(size - 1 - total));
        if (n <= 0)
            break;
        total += int(n);
    }
    ::close(fd);
    buffer[total] = '\0';
    return total;
}

qint64 ticksToUs(unsigned long long ticks)
{
    static const long perSecond = ::sysconf(_SC_CLK_TCK);
    return qint64(ticks * 1000000ULL / static_cast<unsigned long long>(perSecond));
}

qint64 pageKb()
{
    static const long kb = ::sysconf(_SC_PAGESIZE) / 1024;
    return kb;
}

// "/proc/.../stat": the command name may hold spaces and parentheses, so fields are counted
// from the last ')'. Fields (1-based, man 5 proc): 14 utime, 15 stime, 20 num_threads, 24 rss.
bool parseStat(const char* text, ResourceUsage* usage)
{
    const char* p = std::strrchr(text, ')');
    if (!p)
        return false;
    ++p;
    unsigned long long fields[24] = {};
    // After ')' comes field 3 (state, a letter); number fields 4 onwards.
    while (*p == ' ')
        ++p;
    if (!*p)
        return false;
    ++p;
    int field = 4;
    char* end = nullptr;
    while (field <= 24) {
        const long long value = std::strtoll(p, &end, 10);
        if (end == p)
            return false;
        fields[field - 1] = static_cast<unsigned long long>(value < 0 ? 0 : value);
        p = end;
        ++field;
    }
    usage->cpuUserUs = ticksToUs(fields[13]);
    usage->cpuSystemUs = ticksToUs(fields[14]);
    usage->threads = int(fields[19]);
    usage->rssKb = qint64(fields[23]) * pageKb();
    return true;
}

qint64 statusField(const char* text, const char* name)
{
    const char* p = std::strstr(text, name);
    if (!p)
        return -1;
    return std::strtoll(p + std::strlen(name), nullptr, 10);
}

} // namespace

bool readProcUsage(const char* dir, ResourceUsage* usage, bool withMemory)
{
    char path[96];
    char text[4096];
    std::snprintf(path, sizeof path, "%s/stat", dir);
    if (readSmallFile(path, text, sizeof text) <= 0 || !parseStat(text, usage))
        return false;
    std::snprintf(path, sizeof path, "%s/status", dir);
    if (readSmallFile(path, text, sizeof text) <= 0)
        return false;
    usage->voluntarySwitches = statusField(text, "\nvoluntary_ctxt_switches:");
    usage->involuntarySwitches = statusField(text, "\nnonvoluntary_ctxt_switches:");
    if (withMemory) {
        usage->peakRssKb = statusField(text, "\nVmHWM:");
        if (usage->peakRssKb < 0) // a zombie has no memory left
            usage->rssKb = -1;
    }
    return true;
}

ResourceUsage appMemory()
{
    // Every ended thread's figures ask for it (a table asks per cell), so one read serves
    // all who ask within 100 ms; the app's memory does not change faster than anyone looks.
    constexpr std::int64_t kFreshNs = 100'000'000;
    static std::mutex mutex;
    static std::int64_t readAtNs = 0;
    static ResourceUsage cached;
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    const std::int64_t nowNs = std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
    std::lock_guard lock(mutex);
    if (readAtNs != 0 && nowNs - readAtNs < kFreshNs)
        return cached;
    ResourceUsage usage;
    char text[4096];
    if (readSmallFile("/proc/self/status", text, sizeof text) > 0) {
        usage.rssKb = statusField(text, "\nVmRSS:");
        usage.peakRssKb = statusField(text, "\nVmHWM:");
    }
    usage.memorySharedWithApp = true;
    cached = usage;
    readAtNs = nowNs;
    return usage;
}

ResourceUsage usageFromRusage(const rusage& ru, bool withMemory)
{
    ResourceUsage usage;
    usage.cpuUserUs = qint64(ru.ru_utime.tv_sec) * 1000000 + ru.ru_utime.tv_usec;
    usage.cpuSystemUs = qint64(ru.ru_stime.tv_sec) * 1000000 + ru.ru_stime.tv_usec;
    usage.voluntarySwitches = ru.ru_nvcsw;
    usage.involuntarySwitches = ru.ru_nivcsw;
    if (withMemory)
        usage.peakRssKb = ru.ru_maxrss; // kilobytes on Linux
    usage.exact = true;
    return usage;
}

ChildUsageRecord toRecord(const ResourceUsage& usage)
{
    return {usage.cpuUserUs, usage.cpuSystemUs, usage.peakRssKb, usage.voluntarySwitches,
            usage.involuntarySwitches};
}

ResourceUsage fromRecord(const ChildUsageRecord& record)
{
    ResourceUsage usage;
    usage.cpuUserUs = record.userUs;
    usage.cpuSystemUs = record.systemUs;
    usage.peakRssKb = record.maxRssKb;
    usage.voluntarySwitches = record.voluntary;
    usage.involuntarySwitches = record.involuntary;
    usage.exact = true;
    return usage;
}

ResourceUsage UsageProbe::read() const
{
    ResourceUsage usage;
    char dir[64];
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Process:
        std::snprintf(dir, sizeof dir, "/proc/%lld", static_cast<long long>(id));
        if (!readProcUsage(dir, &usage, true))
            return {};
        return usage;
    case Kind::Thread: {
        std::snprintf(dir, sizeof dir, "/proc/self/task/%lld", static_cast<long long>(id));
        if (!readProcUsage(dir, &usage, false))
            return {};
        const ResourceUsage app = appMemory();
        // /proc counts in clock ticks, the baseline in microseconds: never below zero.
        const qint64 cpu = std::max<qint64>(0, usage.cpuUs() - baseCpuUs);
        const qint64 system = std::min(cpu, usage.cpuSystemUs);
        usage.cpuUserUs = cpu - system;
        usage.cpuSystemUs = system;
        usage.voluntarySwitches = std::max<qint64>(0, usage.voluntarySwitches - baseVoluntary);
        usage.involuntarySwitches =
            std::max<qint64>(0, usage.involuntarySwitches - baseInvoluntary);
        usage.threads = -1; // one thread of the app's
        usage.rssKb = app.rssKb;
        usage.peakRssKb = app.peakRssKb;
        usage.memorySharedWithApp = true;
        return usage;
    }
    }
    return {};
}

} // namespace twinrun
