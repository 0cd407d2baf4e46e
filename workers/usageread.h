#pragma once

#include <twinrun/resourceusage.h>

#include <cstdint>

struct rusage;

namespace twinrun {

// Reads dir/stat and dir/status (dir: "/proc/<pid>" or "/proc/self/task/<tid>"): CPU time,
// threads, context switches, and with withMemory the resident and peak memory. False when gone.
bool readProcUsage(const char* dir, ResourceUsage* usage, bool withMemory);
// The app's own resident and peak memory, marked memorySharedWithApp; read at most every
// 100 ms, whoever asks (thread-safe).
ResourceUsage appMemory();
// Final figures from a kernel rusage (exact); withMemory takes ru_maxrss as the peak.
ResourceUsage usageFromRusage(const rusage& ru, bool withMemory);

// The spawn start method's side channel: the child writes this record once, just before it
// exits, on the fd named by kUsageFdVariable (see ProcessWorker::startSpawned for why).
struct ChildUsageRecord {
    std::int64_t userUs = 0;
    std::int64_t systemUs = 0;
    std::int64_t maxRssKb = 0;
    std::int64_t voluntary = 0;
    std::int64_t involuntary = 0;
};
inline constexpr char kUsageFdVariable[] = "TWINRUN_USAGE_FD";
ChildUsageRecord toRecord(const ResourceUsage& usage);
ResourceUsage fromRecord(const ChildUsageRecord& record); // exact: the kernel's figures

} // namespace twinrun
