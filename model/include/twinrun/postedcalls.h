#pragma once

#include <twinrun/twinrun_model_export.h>

#include <QObject>

#include <functional>
#include <memory>

namespace twinrun {

// Calls handed to one object's thread: post() from any thread; the object's thread runs them,
// one per turn of its event loop, in the order they were posted (so each poster's calls run in
// that poster's order). TwinRun's one home for handing data between threads: a call, with what
// it captures, crosses under a std::mutex, and the wake-up is a queued call without arguments.
// Nothing of TwinRun's rides in Qt's event queue, whose futex-based lock ThreadSanitizer cannot
// see, so TSan checks every hand-off; the call does not run inside a functor slot either, whose
// frames (qobjectdefs_impl.h) tests/common/tsan.supp matches.
//
// A call may destroy this object: nothing of it is touched after the call returns.
// Destroy it on its own thread, or once that thread has finished: the calls not run yet are
// destroyed there without running, and later posts are refused. post() on the object needs it
// alive for the whole call; a thread that may post while or after it is destroyed posts
// through a Poster (poster()), which is safe at any time and refuses calls once destruction
// has begun.
class TWINRUN_MODEL_EXPORT PostedCalls : public QObject {
    Q_OBJECT
public:
    using Call = std::function<void()>;

    // A handle for posting: copy it, keep it and use it from any thread, for as long as
    // wanted. A default-constructed one refuses every call.
    class TWINRUN_MODEL_EXPORT Poster {
    public:
        // Queues call for the object's thread and wakes it. false if the object is destroyed
        // or being destroyed: call is then destroyed on this thread without running.
        bool post(Call call) const;

    private:
        friend class PostedCalls;
        struct Mailbox;
        std::shared_ptr<Mailbox> m_mailbox;
    };

    explicit PostedCalls(QObject* parent = nullptr);
    ~PostedCalls() override;

    bool post(Call call) { return m_poster.post(std::move(call)); }
    Poster poster() const { return m_poster; }

private:
    Q_INVOKABLE void runOne(); // the wake-up, queued once per call posted

    Poster m_poster;
};

} // namespace twinrun
