#pragma once

#include <twinrun/twinrun_model_export.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

class QTemporaryFile;

namespace twinrun {

// A first-in, first-out byte queue with bounded memory: up to memoryLimit bytes are kept in
// memory, the rest goes to a temporary file (QTemporaryFile in QDir::tempPath(), emptied
// whenever it is drained and deleted with the buffer). Bytes come out in the order they went in.
//
// Errors are values: when the file cannot be created or written, append() returns false,
// failed() is true and errorString() says why; the bytes of that append are lost and later
// appends are refused, so a reader can tell its data is incomplete.
class TWINRUN_MODEL_EXPORT SpillBuffer {
public:
    static constexpr qsizetype kDefaultMemoryLimit = 1024 * 1024;

    explicit SpillBuffer(qsizetype memoryLimit = kDefaultMemoryLimit);
    ~SpillBuffer();
    SpillBuffer(const SpillBuffer&) = delete;
    SpillBuffer& operator=(const SpillBuffer&) = delete;
    SpillBuffer(SpillBuffer&&) noexcept;
    SpillBuffer& operator=(SpillBuffer&&) noexcept;

    bool append(QByteArrayView data);
    // Removes and returns up to maxBytes from the front (fewer only at the end of the data).
    QByteArray take(qsizetype maxBytes);
    void clear();

    qint64 size() const { return qint64(m_memory.size() - m_memoryRead) + m_fileSize - m_fileRead; }
    bool isEmpty() const { return size() == 0; }
    bool hasSpilled() const { return m_file != nullptr; } // a file was needed at some point
    bool failed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    bool appendToFile(QByteArrayView data);
    QByteArray takeFromFile(qsizetype maxBytes);

    qsizetype m_memoryLimit;
    QByteArray m_memory; // the front of the queue; m_memoryRead bytes of it already taken
    qsizetype m_memoryRead = 0;
    std::unique_ptr<QTemporaryFile> m_file; // the rest, once memory is full
    qint64 m_fileSize = 0;
    qint64 m_fileRead = 0;
    QString m_error;
};

} // namespace twinrun
