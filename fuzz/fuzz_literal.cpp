// Fuzzes the Python literal reader: any text either parses or is refused with a message, and
// what parses survives repr() -> parse() and typed JSON round trips unchanged.
#include <twinrun/value.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>

using twinrun::Value;

namespace {

// Whether repr() reads back as the same value. Not for inf and nan (no literal: repr gives a bare
// word), Ellipsis (repr "Ellipsis" is no literal), complex (as in Python, (-0-1j) reads back as
// (0-1j)) and ints of more than 4300 digits (their decimal text is refused).
bool isFiniteEverywhere(const Value& v)
{
    switch (v.type()) {
    case Value::Type::Float:
        return std::isfinite(v.toFloat());
    case Value::Type::Complex:
    case Value::Type::Ellipsis:
        return false;
    case Value::Type::Int:
        return !v.strError();
    case Value::Type::Tuple:
    case Value::Type::List:
    case Value::Type::Set:
        for (const Value& item : v.items())
            if (!isFiniteEverywhere(item))
                return false;
        return true;
    case Value::Type::Dict:
        for (const auto& [key, value] : v.pairs())
            if (!isFiniteEverywhere(key) || !isFiniteEverywhere(value))
                return false;
        return true;
    default:
        return true;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const twinrun::ValueParseResult parsed = Value::parse(text);
    if (!parsed) {
        if (parsed.error.isEmpty())
            std::abort();
        return 0;
    }
    const Value& value = *parsed.value;
    (void)value.str();
    if (isFiniteEverywhere(value)) {
        const twinrun::ValueParseResult again = Value::parse(value.repr());
        if (!again || !(*again.value == value))
            std::abort();
    }
    const std::optional<Value> fromJson = Value::fromJson(value.toJson());
    if (!fromJson || !(*fromJson == value))
        std::abort();
    return 0;
}
