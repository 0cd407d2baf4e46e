// The plugin file's checks, made by reading it (bounded), before any of its code runs.
#include "librarytext.h"
#include "pluginloading.h"

#include <twinrun/echo.h>
#include <twinrun/plugin.h>

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <utility>

#include <elf.h>
#include <sys/stat.h>

namespace twinrun::plugins {

namespace {

// Large enough for any real section table and its names; a file claiming more is damaged.
constexpr qint64 kMaxSectionTableBytes = 4 * 1024 * 1024;
constexpr qint64 kMaxSectionNamesBytes = 4 * 1024 * 1024;
constexpr qint64 kMaxMarkerBytes = 4096;
constexpr char kAbiPrefix[] = "TWINRUN_PLUGIN_ABI:";
constexpr char kNamePrefix[] = "TWINRUN_PLUGIN_NAME:";

#if __SIZEOF_POINTER__ == 8
using Ehdr = Elf64_Ehdr;
using Shdr = Elf64_Shdr;
constexpr unsigned char kClass = ELFCLASS64;
#else
using Ehdr = Elf32_Ehdr;
using Shdr = Elf32_Shdr;
constexpr unsigned char kClass = ELFCLASS32;
#endif
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr unsigned char kData = ELFDATA2LSB;
#else
constexpr unsigned char kData = ELFDATA2MSB;
#endif

// This program's own machine, as its ELF header says.
int hostMachine()
{
    static const int machine = [] {
        QFile self(QStringLiteral("/proc/self/exe"));
        Ehdr header{};
        if (!self.open(QIODevice::ReadOnly) ||
            self.read(reinterpret_cast<char*>(&header), sizeof header) != sizeof header)
            return -1;
        return int(header.e_machine);
    }();
    return machine;
}

bool readAt(QFile& file, qint64 offset, qint64 size, QByteArray* bytes)
{
    if (offset < 0 || size < 0 || offset > file.size() || size > file.size() - offset ||
        !file.seek(offset))
        return false;
    *bytes = file.read(size);
    return bytes->size() == size;
}

// The marker section's bytes, or an error (without the label).
PluginMessage findMarker(QFile& file, const Ehdr& header, QByteArray* marker)
{
    const PluginMessage damaged(
        QT_TRANSLATE_NOOP("twinrun::Plugin", "is a damaged shared library (its section table)"));
    if (header.e_shentsize != sizeof(Shdr) || header.e_shnum == 0 ||
        header.e_shstrndx >= header.e_shnum)
        return damaged;
    QByteArray table;
    const qint64 tableBytes = qint64(header.e_shnum) * qint64(sizeof(Shdr));
    if (tableBytes > kMaxSectionTableBytes ||
        !readAt(file, qint64(header.e_shoff), tableBytes, &table))
        return damaged;
    const auto section = [&table](qsizetype i) {
        Shdr s{};
        std::memcpy(&s, table.constData() + i * qsizetype(sizeof(Shdr)), sizeof s);
        return s;
    };
    const Shdr namesSection = section(header.e_shstrndx);
    QByteArray names;
    if (qint64(namesSection.sh_size) > kMaxSectionNamesBytes ||
        !readAt(file, qint64(namesSection.sh_offset), qint64(namesSection.sh_size), &names))
        return damaged;
    const QByteArrayView wanted(TWINRUN_PLUGIN_SECTION);
    for (qsizetype i = 0; i < header.e_shnum; ++i) {
        const Shdr s = section(i);
        if (s.sh_name >= std::size_t(names.size()))
            continue;
        const QByteArrayView name(names.constData() + s.sh_name);
        if (name != wanted)
            continue;
        if (s.sh_type != SHT_PROGBITS || qint64(s.sh_size) > kMaxMarkerBytes ||
            !readAt(file, qint64(s.sh_offset), qint64(s.sh_size), marker))
            return PluginMessage(
                QT_TRANSLATE_NOOP("twinrun::Plugin", "has a damaged TwinRun plugin marker"));
        return {};
    }
    return PluginMessage(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                           "is not a TwinRun plugin (a shared library without "
                                           "the marker TWINRUN_PLUGIN() writes; see "
                                           "<twinrun/plugin.h>)"));
}

} // namespace

QString pluginLabel(const QString& path)
{
    //: How every plugin refusal starts: "plugin '/x/libp.so': no such file".
    return PluginText::tr("plugin %1").arg(echoInput(path));
}

FileCheck checkPluginFile(const QString& path)
{
    FileCheck check;
    const auto refuse = [&check](PluginMessage why) {
        check.problem = std::move(why);
        return check;
    };
    const auto refuseWith = [&refuse](const char* source, QList<PluginMessage> args = {}) {
        return refuse(PluginMessage(source, std::move(args)));
    };
    if (path.isEmpty())
        return refuseWith(QT_TRANSLATE_NOOP("twinrun::Plugin", "no file given"));
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return errno == ENOENT
                   ? refuseWith(QT_TRANSLATE_NOOP("twinrun::Plugin", "no such file"))
                   : refuse(PluginMessage::verbatim(QString::fromLocal8Bit(std::strerror(errno))));
    if (S_ISDIR(info.st_mode))
        return refuseWith(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "is a directory, not a plugin file"));
    if (!S_ISREG(info.st_mode))
        return refuseWith(QT_TRANSLATE_NOOP("twinrun::Plugin",
                                            "is not a regular file (a FIFO, a device or a "
                                            "socket), not a plugin file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuseWith(QT_TRANSLATE_NOOP("twinrun::Plugin", "cannot be read: %1"),
                          {PluginMessage::verbatim(file.errorString())});
    Ehdr header{};
    if (file.read(reinterpret_cast<char*>(&header), sizeof header) != sizeof header ||
        std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
        return refuseWith(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "is not a shared library (not an ELF file)"));
    if (header.e_ident[EI_CLASS] != kClass || header.e_ident[EI_DATA] != kData ||
        int(header.e_machine) != hostMachine())
        return refuseWith(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "is built for another kind of machine"));
    if (header.e_type != ET_DYN)
        return refuseWith(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "is an ELF file but not a shared library"));
    QByteArray marker;
    if (PluginMessage problem = findMarker(file, header, &marker); !problem.isEmpty())
        return refuse(std::move(problem));

    // "TWINRUN_PLUGIN_ABI:<tag>\nTWINRUN_PLUGIN_NAME:<name>", NUL-terminated.
    if (const qsizetype end = marker.indexOf('\0'); end >= 0)
        marker.truncate(end);
    const QList<QByteArray> lines = marker.split('\n');
    if (lines.size() != 2 || !lines[0].startsWith(kAbiPrefix) || !lines[1].startsWith(kNamePrefix))
        return refuseWith(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "has a damaged TwinRun plugin marker"));
    const QString tag = QString::fromUtf8(lines[0].mid(qsizetype(std::strlen(kAbiPrefix))));
    if (tag != pluginAbiTag())
        return refuseWith(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "built for TwinRun SDK %1, this is %2: rebuild it "
                                                 "against this TwinRun"),
            {PluginMessage::verbatim(echoInput(tag)), PluginMessage::verbatim(pluginAbiTag())});
    check.name = QString::fromUtf8(lines[1].mid(qsizetype(std::strlen(kNamePrefix))));
    if (!isIdentifier(check.name))
        return refuseWith(
            QT_TRANSLATE_NOOP("twinrun::Plugin", "its name %1 is not a Python identifier"),
            {PluginMessage::verbatim(echoInput(check.name))});
    check.file = QFileInfo(path).canonicalFilePath();
    return check;
}

} // namespace twinrun::plugins
