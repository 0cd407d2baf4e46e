#!/usr/bin/env bash
# The full-size load test of README "Reliability": 1000 thread workers and 200 process workers
# started at once, and 1000 process workers come and gone without leaking fds or zombies.
# Usage: scripts/load.sh [BUILD_DIR] (default build).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
TWINRUN_LOAD_THREADS=1000 TWINRUN_LOAD_PROCESSES=200 TWINRUN_CHURN_PROCESSES=1000 \
    "$build/tests/tst_reliability" manyWorkersAtOnce noZombiesNoFdLeaks
