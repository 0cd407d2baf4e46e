#include <twinrun/spillbuffer.h>

#include <QDir>
#include <QTemporaryFile>

namespace twinrun {

SpillBuffer::SpillBuffer(qsizetype memoryLimit)
    : m_memoryLimit(std::max<qsizetype>(memoryLimit, 1))
{
}

SpillBuffer::~SpillBuffer() = default;
SpillBuffer::SpillBuffer(SpillBuffer&&) noexcept = default;
SpillBuffer& SpillBuffer::operator=(SpillBuffer&&) noexcept = default;

bool SpillBuffer::append(QByteArrayView data)
{
    if (failed())
        return false;
    if (data.isEmpty())
        return true;
    // Once bytes are in the file, later ones go there too, to keep the order.
    if (m_fileSize == m_fileRead && m_memory.size() - m_memoryRead + data.size() <= m_memoryLimit) {
        if (m_memoryRead > 0 && m_memoryRead >= m_memory.size() / 2) {
            m_memory.remove(0, m_memoryRead);
            m_memoryRead = 0;
        }
        m_memory.append(data.data(), data.size());
        return true;
    }
    return appendToFile(data);
}

bool SpillBuffer::appendToFile(QByteArrayView data)
{
    if (!m_file) {
        m_file = std::make_unique<QTemporaryFile>(QDir::tempPath() +
                                                  QStringLiteral("/twinrun-spill-XXXXXX"));
        if (!m_file->open()) {
            m_error = QStringLiteral("cannot create a temporary file in %1: %2")
                          .arg(QDir::tempPath(), m_file->errorString());
            return false;
        }
    }
    if (!m_file->seek(m_fileSize) || m_file->write(data.data(), data.size()) != data.size()) {
        m_error = QStringLiteral("cannot write the temporary file %1: %2")
                      .arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    m_fileSize += data.size();
    return true;
}

QByteArray SpillBuffer::take(qsizetype maxBytes)
{
    QByteArray out;
    const qsizetype inMemory = m_memory.size() - m_memoryRead;
    if (inMemory > 0) {
        const qsizetype n = std::min(inMemory, maxBytes);
        out = m_memory.mid(m_memoryRead, n);
        m_memoryRead += n;
        if (m_memoryRead == m_memory.size()) {
            m_memory.clear();
            m_memoryRead = 0;
        }
    }
    if (out.size() < maxBytes && m_fileRead < m_fileSize)
        out += takeFromFile(maxBytes - out.size());
    return out;
}

QByteArray SpillBuffer::takeFromFile(qsizetype maxBytes)
{
    QByteArray out;
    const qint64 n = std::min<qint64>(maxBytes, m_fileSize - m_fileRead);
    if (!m_file->seek(m_fileRead) || (out = m_file->read(n)).size() != n) {
        m_error = QStringLiteral("cannot read the temporary file %1: %2")
                      .arg(m_file->fileName(), m_file->errorString());
        m_fileRead = m_fileSize;
        return {};
    }
    m_fileRead += n;
    if (m_fileRead == m_fileSize) {
        // Drained: start the file over, so it never grows past the largest backlog.
        m_file->resize(0);
        m_fileSize = m_fileRead = 0;
    }
    return out;
}

void SpillBuffer::clear()
{
    m_memory.clear();
    m_memoryRead = 0;
    if (m_file)
        m_file->resize(0);
    m_fileSize = m_fileRead = 0;
}

} // namespace twinrun
