#include "unicodenames.h"

#include <QByteArray>

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>

namespace twinrun {

namespace {

// The formal name aliases of NameAliases.txt that ICU does not look up (ICU has the
// corrections): controls, alternates, figments and abbreviations. VS1..VS256 are computed.
struct Alias {
    const char* name;
    char32_t cp;
};
constexpr Alias kAliases[] = {
    {"NULL", 0x00},
    {"NUL", 0x00},
    {"START OF HEADING", 0x01},
    {"SOH", 0x01},
    {"START OF TEXT", 0x02},
    {"STX", 0x02},
    {"END OF TEXT", 0x03},
    {"ETX", 0x03},
    {"END OF TRANSMISSION", 0x04},
    {"EOT", 0x04},
    {"ENQUIRY", 0x05},
    {"ENQ", 0x05},
    {"ACKNOWLEDGE", 0x06},
    {"ACK", 0x06},
    {"ALERT", 0x07},
    {"BEL", 0x07},
    {"BACKSPACE", 0x08},
    {"BS", 0x08},
    {"CHARACTER TABULATION", 0x09},
    {"HORIZONTAL TABULATION", 0x09},
    {"HT", 0x09},
    {"TAB", 0x09},
    {"LINE FEED", 0x0a},
    {"NEW LINE", 0x0a},
    {"END OF LINE", 0x0a},
    {"LF", 0x0a},
    {"NL", 0x0a},
    {"EOL", 0x0a},
    {"LINE TABULATION", 0x0b},
    {"VERTICAL TABULATION", 0x0b},
    {"VT", 0x0b},
    {"FORM FEED", 0x0c},
    {"FF", 0x0c},
    {"CARRIAGE RETURN", 0x0d},
    {"CR", 0x0d},
    {"SHIFT OUT", 0x0e},
    {"LOCKING-SHIFT ONE", 0x0e},
    {"SO", 0x0e},
    {"SHIFT IN", 0x0f},
    {"LOCKING-SHIFT ZERO", 0x0f},
    {"SI", 0x0f},
    {"DATA LINK ESCAPE", 0x10},
    {"DLE", 0x10},
    {"DEVICE CONTROL ONE", 0x11},
    {"DC1", 0x11},
    {"DEVICE CONTROL TWO", 0x12},
    {"DC2", 0x12},
    {"DEVICE CONTROL THREE", 0x13},
    {"DC3", 0x13},
    {"DEVICE CONTROL FOUR", 0x14},
    {"DC4", 0x14},
    {"NEGATIVE ACKNOWLEDGE", 0x15},
    {"NAK", 0x15},
    {"SYNCHRONOUS IDLE", 0x16},
    {"SYN", 0x16},
    {"END OF TRANSMISSION BLOCK", 0x17},
    {"ETB", 0x17},
    {"CANCEL", 0x18},
    {"CAN", 0x18},
    {"END OF MEDIUM", 0x19},
    {"EOM", 0x19},
    {"SUBSTITUTE", 0x1a},
    {"SUB", 0x1a},
    {"ESCAPE", 0x1b},
    {"ESC", 0x1b},
    {"INFORMATION SEPARATOR FOUR", 0x1c},
    {"FILE SEPARATOR", 0x1c},
    {"FS", 0x1c},
    {"INFORMATION SEPARATOR THREE", 0x1d},
    {"GROUP SEPARATOR", 0x1d},
    {"GS", 0x1d},
    {"INFORMATION SEPARATOR TWO", 0x1e},
    {"RECORD SEPARATOR", 0x1e},
    {"RS", 0x1e},
    {"INFORMATION SEPARATOR ONE", 0x1f},
    {"UNIT SEPARATOR", 0x1f},
    {"US", 0x1f},
    {"SP", 0x20},
    {"DELETE", 0x7f},
    {"DEL", 0x7f},
    {"PADDING CHARACTER", 0x80},
    {"PAD", 0x80},
    {"HIGH OCTET PRESET", 0x81},
    {"HOP", 0x81},
    {"BREAK PERMITTED HERE", 0x82},
    {"BPH", 0x82},
    {"NO BREAK HERE", 0x83},
    {"NBH", 0x83},
    {"INDEX", 0x84},
    {"IND", 0x84},
    {"NEXT LINE", 0x85},
    {"NEL", 0x85},
    {"START OF SELECTED AREA", 0x86},
    {"SSA", 0x86},
    {"END OF SELECTED AREA", 0x87},
    {"ESA", 0x87},
    {"CHARACTER TABULATION SET", 0x88},
    {"HORIZONTAL TABULATION SET", 0x88},
    {"HTS", 0x88},
    {"CHARACTER TABULATION WITH JUSTIFICATION", 0x89},
    {"HORIZONTAL TABULATION WITH JUSTIFICATION", 0x89},
    {"HTJ", 0x89},
    {"LINE TABULATION SET", 0x8a},
    {"VERTICAL TABULATION SET", 0x8a},
    {"VTS", 0x8a},
    {"PARTIAL LINE FORWARD", 0x8b},
    {"PARTIAL LINE DOWN", 0x8b},
    {"PLD", 0x8b},
    {"PARTIAL LINE BACKWARD", 0x8c},
    {"PARTIAL LINE UP", 0x8c},
    {"PLU", 0x8c},
    {"REVERSE LINE FEED", 0x8d},
    {"REVERSE INDEX", 0x8d},
    {"RI", 0x8d},
    {"SINGLE SHIFT TWO", 0x8e},
    {"SINGLE-SHIFT-2", 0x8e},
    {"SS2", 0x8e},
    {"SINGLE SHIFT THREE", 0x8f},
    {"SINGLE-SHIFT-3", 0x8f},
    {"SS3", 0x8f},
    {"DEVICE CONTROL STRING", 0x90},
    {"DCS", 0x90},
    {"PRIVATE USE ONE", 0x91},
    {"PRIVATE USE-1", 0x91},
    {"PU1", 0x91},
    {"PRIVATE USE TWO", 0x92},
    {"PRIVATE USE-2", 0x92},
    {"PU2", 0x92},
    {"SET TRANSMIT STATE", 0x93},
    {"STS", 0x93},
    {"CANCEL CHARACTER", 0x94},
    {"CCH", 0x94},
    {"MESSAGE WAITING", 0x95},
    {"MW", 0x95},
    {"START OF GUARDED AREA", 0x96},
    {"START OF PROTECTED AREA", 0x96},
    {"SPA", 0x96},
    {"END OF GUARDED AREA", 0x97},
    {"END OF PROTECTED AREA", 0x97},
    {"EPA", 0x97},
    {"START OF STRING", 0x98},
    {"SOS", 0x98},
    {"SINGLE GRAPHIC CHARACTER INTRODUCER", 0x99},
    {"SGC", 0x99},
    {"SINGLE CHARACTER INTRODUCER", 0x9a},
    {"SCI", 0x9a},
    {"CONTROL SEQUENCE INTRODUCER", 0x9b},
    {"CSI", 0x9b},
    {"STRING TERMINATOR", 0x9c},
    {"ST", 0x9c},
    {"OPERATING SYSTEM COMMAND", 0x9d},
    {"OSC", 0x9d},
    {"PRIVACY MESSAGE", 0x9e},
    {"PM", 0x9e},
    {"APPLICATION PROGRAM COMMAND", 0x9f},
    {"APC", 0x9f},
    {"NBSP", 0xa0},
    {"SHY", 0xad},
    {"CGJ", 0x34f},
    {"ALM", 0x61c},
    {"FVS1", 0x180b},
    {"FVS2", 0x180c},
    {"FVS3", 0x180d},
    {"FVS4", 0x180f},
    {"MVS", 0x180e},
    {"ZWSP", 0x200b},
    {"ZWNJ", 0x200c},
    {"ZWJ", 0x200d},
    {"LRM", 0x200e},
    {"RLM", 0x200f},
    {"LRE", 0x202a},
    {"RLE", 0x202b},
    {"PDF", 0x202c},
    {"LRO", 0x202d},
    {"RLO", 0x202e},
    {"NNBSP", 0x202f},
    {"MMSP", 0x205f},
    {"WJ", 0x2060},
    {"LRI", 0x2066},
    {"RLI", 0x2067},
    {"FSI", 0x2068},
    {"PDI", 0x2069},
    {"BYTE ORDER MARK", 0xfeff},
    {"BOM", 0xfeff},
    {"ZWNBSP", 0xfeff},
};

bool isUpperHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F');
}

// Python 3.11's database is Unicode 14.0: later characters have no name there.
bool knownToPython(char32_t cp)
{
    UVersionInfo age;
    u_charAge(static_cast<UChar32>(cp), age);
    return age[0] != 0 && (age[0] < 14 || (age[0] == 14 && age[1] == 0));
}

} // namespace

std::optional<char32_t> lookupUnicodeName(QStringView name)
{
    if (name.isEmpty() || name.size() > 256 ||
        std::any_of(name.begin(), name.end(), [](QChar c) { return c.unicode() > 0x7e; }))
        return std::nullopt;
    const QByteArray upper = name.toLatin1().toUpper();

    static const QByteArray cjk = QByteArrayLiteral("CJK UNIFIED IDEOGRAPH-");
    if (upper.startsWith(cjk)) {
        const QStringView hex = name.sliced(cjk.size());
        if ((hex.size() != 4 && hex.size() != 5) ||
            !std::all_of(hex.begin(), hex.end(), isUpperHex))
            return std::nullopt;
    }
    // Python matches the jamo of a Hangul syllable's name in capitals only.
    static const QByteArray hangul = QByteArrayLiteral("HANGUL SYLLABLE ");
    if (upper.startsWith(hangul) &&
        name.sliced(hangul.size()).toLatin1() != upper.mid(hangul.size()))
        return std::nullopt;
    if (upper.startsWith("VS")) {
        bool ok = false;
        const int n = upper.mid(2).toInt(&ok);
        if (ok && !upper.mid(2).startsWith('0') && !upper.mid(2).startsWith('+') && n >= 1 &&
            n <= 256)
            return n <= 16 ? char32_t(0xfe00 + n - 1) : char32_t(0xe0100 + n - 17);
    }
    for (const Alias& alias : kAliases)
        if (upper == alias.name)
            return alias.cp;

    UErrorCode status = U_ZERO_ERROR;
    UChar32 cp = u_charFromName(U_UNICODE_CHAR_NAME, upper.constData(), &status);
    if (U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        cp = u_charFromName(U_CHAR_NAME_ALIAS, upper.constData(), &status); // corrections
    }
    if (U_FAILURE(status) || cp < 0 || !knownToPython(char32_t(cp)))
        return std::nullopt;
    return char32_t(cp);
}

} // namespace twinrun
