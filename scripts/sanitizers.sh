#!/usr/bin/env bash
# Builds the whole suite with AddressSanitizer + UndefinedBehaviorSanitizer, then with
# ThreadSanitizer, and runs every test under each. Usage: scripts/sanitizers.sh [address|thread]
# (both by default). Build folders: build-asan, build-tsan. install_embed is left out: it builds
# examples/embed without sanitizers against the instrumented libraries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
kinds=("${@:-address thread}")
for kind in ${kinds[@]}; do
    dir=build-${kind/address/asan}
    dir=${dir/thread/tsan}
    echo "== $kind sanitizer build in $dir"
    # shellcheck disable=SC2086 # TWINRUN_CMAKE_ARGS: extra words for cmake, e.g. a compiler launcher
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DTWINRUN_SANITIZE="$kind" ${TWINRUN_CMAKE_ARGS:-} >/dev/null
    cmake --build "$dir" -j2
    start=$(date +%s)
    # Qt is not instrumented: LeakSanitizer would report Qt's own one-time allocations, and TSan
    # cannot see Qt's futex-based locks (tests/common/tsan.supp keeps reports from our code only).
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    TSAN_OPTIONS="halt_on_error=1 die_after_fork=0 suppressions=$PWD/tests/common/tsan.supp" \
        ctest --test-dir "$dir" --output-on-failure -E install_embed
    echo "== $kind: all tests passed in $(( $(date +%s) - start )) s"
done
