#!/usr/bin/env bash
# Measures ShadowDatabase.replay (Flyway into in-memory H2 in PostgreSQL mode + JdbcSchemaReader) for N generated
# migrations, in a fresh JVM per invocation, RUNS times in that JVM (the first run includes warm-up).
# Usage: bench/shadow-replay.sh [N=200] [RUNS=7]   (after `mvn -o compile`)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"; RUNS="${2:-7}"
CP_FILE="target/bench-classpath.txt"
[ -f "$CP_FILE" ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
java -cp "target/classes:$(cat "$CP_FILE")" bench/ShadowReplayBench.java "$N" "$RUNS" 2>/dev/null | grep -E '^(run|median)'
