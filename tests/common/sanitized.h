#pragma once

// TWINRUN_SANITIZED is defined in an ASan or TSan build (scripts/sanitizers.sh). Tests skip
// there what the sanitizer runtimes themselves change: they reserve address space at will,
// inflate the peak RSS, and need free file descriptors to check memory (UBSan's vptr check
// probes memory through a pipe), so exhausting limits measures the runtime, not TwinRun.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TWINRUN_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TWINRUN_SANITIZED 1
#endif
#endif
