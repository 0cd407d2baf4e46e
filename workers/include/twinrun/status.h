#pragma once

#include <twinrun/twinrun_workers_export.h>

#include <QString>

namespace twinrun {

// The outcome of a call that may be refused: ok, or an error with a message for a person.
class [[nodiscard]] Status {
public:
    static Status ok() { return Status(); }
    static Status error(QString message) { return Status(std::move(message)); }

    bool isOk() const { return m_message.isEmpty(); }
    explicit operator bool() const { return isOk(); }
    const QString& message() const { return m_message; }

private:
    Status() = default;
    explicit Status(QString message)
        : m_message(message.isEmpty() ? QStringLiteral("error") : std::move(message))
    {
    }
    QString m_message;
};

} // namespace twinrun
