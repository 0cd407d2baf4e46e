#include <twinrun/postedcalls.h>

#include <QMetaObject>

#include <deque>
#include <mutex>

namespace twinrun {

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
    // The wake-up, under the lock: the owner cannot be destroyed between the check and it. A
    // queued call without arguments, whose event Qt alone makes and reads: one TwinRun's code
    // made would cross threads under Qt's lock, which ThreadSanitizer cannot see.
    QMetaObject::invokeMethod(m_mailbox->owner, "runOne", Qt::QueuedConnection);
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

void PostedCalls::runOne()
{
    // One call per wake-up, in the order posted.
    Call call;
    {
        const std::lock_guard lock(m_poster.m_mailbox->mutex);
        if (m_poster.m_mailbox->calls.empty())
            return;
        call = std::move(m_poster.m_mailbox->calls.front());
        m_poster.m_mailbox->calls.pop_front();
    }
    call(); // may destroy this object
}

} // namespace twinrun
