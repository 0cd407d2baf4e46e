#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60) on the corpora
# in fuzz/corpus (read as seeds; new inputs go to a scratch folder, not into the repo). A crash
# is kept in build-fuzz/findings/ and makes the script exit non-zero.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/install-deps.sh clang libclang-rt-14-dev
# shellcheck disable=SC2086 # TWINRUN_CMAKE_ARGS: extra words for cmake, e.g. a compiler launcher
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTWINRUN_FUZZ=ON ${TWINRUN_CMAKE_ARGS:-} >/dev/null
cmake --build build-fuzz -j2 --target fuzz_literal fuzz_childspec
mkdir -p build-fuzz/findings
status=0
for name in literal childspec; do
    scratch=$(mktemp -d)
    echo "== fuzz_$name for ${seconds}s"
    if ! build-fuzz/fuzz/fuzz_$name -max_total_time="$seconds" -max_len=4096 -timeout=10 \
        -print_final_stats=1 -artifact_prefix="build-fuzz/findings/$name-" \
        "$scratch" "fuzz/corpus/$name" > "build-fuzz/fuzz_$name.log" 2>&1; then
        status=1
    fi
    grep -E '^(stat::number_of_executed_units|stat::new_units_added)|ERROR|SUMMARY|Test unit written' \
        "build-fuzz/fuzz_$name.log" || true
    rm -rf "$scratch"
done
exit $status
