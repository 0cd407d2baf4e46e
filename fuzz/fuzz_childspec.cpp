// Fuzzes what a process worker's child reads on stdin: refused with a message or accepted,
// never a crash or a hang; an accepted spec survives a JSON round trip and can be checked.
#include "childmode.h"
#include <twinrun/target.h>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    QString error;
    const std::optional<twinrun::WorkerSpec> spec = twinrun::parseChildSpec(
        QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)), &error);
    if (!spec) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    QString again;
    const std::optional<twinrun::WorkerSpec> roundTrip =
        twinrun::WorkerSpec::fromJson(spec->toJson(), &again);
    if (!roundTrip || !(*roundTrip == *spec))
        std::abort();
    const twinrun::PreparedCall call =
        twinrun::prepareCall(spec->target, spec->args, spec->kwargs, false);
    if (!call && call.error.isEmpty())
        std::abort();
    return 0;
}
