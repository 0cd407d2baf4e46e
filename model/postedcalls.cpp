#include <twinrun/postedcalls.h>

#include <QCoreApplication>
#include <QEvent>

#include <deque>
#include <mutex>

namespace twinrun {

namespace {

// The wake-up: one per call posted, without data.
QEvent::Type wakeType()
{
    static const auto type = QEvent::Type(QEvent::registerEventType());
    return type;
}

} // namespace

struct PostedCalls::Poster::Mailbox {
    std::mutex mutex;
    PostedCalls* owner = nullptr;        // guarded by mutex; null once destruction has begun
    std::deque<PostedCalls::Call> calls; // guarded by mutex
};

bool PostedCalls::Poster::post(Call call) const
{
    if (!m_mailbox)
        return false;
    const std::lock_guard lock(m_mailbox->mutex);
    if (!m_mailbox->owner)
        return false;
    m_mailbox->calls.push_back(std::move(call));
    // Under the lock: the owner cannot be destroyed between the check and the wake-up.
    QCoreApplication::postEvent(m_mailbox->owner, new QEvent(wakeType()));
    return true;
}

PostedCalls::PostedCalls(QObject* parent)
    : QObject(parent)
{
    m_poster.m_mailbox = std::make_shared<Poster::Mailbox>();
    m_poster.m_mailbox->owner = this; // before any poster can see the mailbox
}

PostedCalls::~PostedCalls()
{
    std::deque<Call> dropped;
    {
        const std::lock_guard lock(m_poster.m_mailbox->mutex);
        m_poster.m_mailbox->owner = nullptr;
        dropped.swap(m_poster.m_mailbox->calls);
    }
    // The calls not run are destroyed here, outside the lock: what they capture may post.
}

bool PostedCalls::event(QEvent* event)
{
    if (event->type() != wakeType())
        return QObject::event(event);
    // One call per wake-up, in the order posted.
    Call call;
    {
        const std::lock_guard lock(m_poster.m_mailbox->mutex);
        if (m_poster.m_mailbox->calls.empty())
            return true;
        call = std::move(m_poster.m_mailbox->calls.front());
        m_poster.m_mailbox->calls.pop_front();
    }
    call(); // may destroy this object
    return true;
}

} // namespace twinrun
