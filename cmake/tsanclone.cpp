// Linked into every executable of a TWINRUN_SANITIZE=thread build, and only there (CMakeLists.txt).
//
// Qt 6.4's QProcess starts a child with clone(CLONE_VM | CLONE_VFORK): the child runs in the
// parent's memory, on the parent's thread-local storage, until it execs. ThreadSanitizer's clone
// interceptor then runs its after-fork hook for the child on the parent's own thread state; in a
// process with more than one thread that hook turns on TSan's ignores "until exec", and the
// parent keeps them: from the first child on, TSan stops seeing the starting thread's memory
// accesses (races missed) or its locks (races reported on data that a mutex guards). This
// definition comes before TSan's in the symbol lookup (the executable is searched first), and
// drops CLONE_VM: the child gets a copy of the memory, as with fork(), and TSan's hooks run each
// in its own process. CLONE_VFORK stays, so the parent still waits for the child's exec.
#include <dlfcn.h>
#include <sched.h>
#include <sys/types.h>

#include <cstdarg>

extern "C" __attribute__((visibility("default"))) int clone(int (*fn)(void*), void* stack,
                                                            int flags, void* arg, ...)
{
    va_list rest;
    va_start(rest, arg);
    pid_t* parentTid = va_arg(rest, pid_t*);
    void* tls = va_arg(rest, void*);
    pid_t* childTid = va_arg(rest, pid_t*);
    va_end(rest);
    using Clone = int (*)(int (*)(void*), void*, int, void*, ...);
    static const auto next = reinterpret_cast<Clone>(::dlsym(RTLD_NEXT, "clone"));
    if (flags & CLONE_VFORK)
        flags &= ~CLONE_VM;
    return next(fn, stack, flags, arg, parentTid, tls, childTid);
}
