#!/usr/bin/env bash
# Measures qalab:verify with the CI guard on a generated project with 999 migrations, inside the Mojo (the debug
# line "... ms in total": scan + parse + convention rules + integrity + lint), median of N runs, in three states:
#   (a) no qalab.sum (adoption: QL013 warning, no hashing, no lint)
#   (b) qalab.sum recording all 999 (every file hashed and compared)
#   (c) as (b), but the last migration taken out of the sum again (as if written by hand: QL011), so the
#       lint parses that one migration with JSqlParser (cold)
# and the time to write the SARIF report (debug line "reports written in").
# Needs the plugin in a local repository: after `mvn verify` (the invoker ITs install it into target/local-repo) run
#   BENCH_MVN_ARGS="-Dmaven.repo.local=$PWD/target/local-repo" bench/guard-bench.sh
# Usage: bench/guard-bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
read -r -a extra <<< "${BENCH_MVN_ARGS:-}"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
work=bench/work/guard-999
dir=$work/src/main/resources/db/migration
# shellcheck source=bench/project-999.sh
source bench/project-999.sh
write_project_999 "$work" guard-999 "$version"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
measure() { # prints "inside-ms sarif-ms" medians
  local lines
  lines=$(for _ in $(seq "$runs"); do
    mvn -B -o -X "${extra[@]}" -f "$work/pom.xml" qalab:verify "$@" | grep -E 'qalab:verify: (read 999 files|reports written)' || true
  done)
  echo "$(sed -n 's/.* \([0-9]*\) ms in total.*/\1/p' <<< "$lines" | median) $(sed -n 's/.*reports written in \([0-9]*\) ms.*/\1/p' <<< "$lines" | median)"
}

mvn -B -o -q "${extra[@]}" -f "$work/pom.xml" qalab:verify >/dev/null # warm the file cache
read -r a_in a_sarif <<< "$(measure)"
mvn -B -o -q "${extra[@]}" -f "$work/pom.xml" qalab:hash >/dev/null
read -r b_in b_sarif <<< "$(measure)"
# take the newest migration out of the sum again (as if written by hand): the lint reads it, QL011 fails the build
grep -v '^999_' "$dir/qalab.sum" > "$dir/qalab.sum.tmp" && mv "$dir/qalab.sum.tmp" "$dir/qalab.sum"
read -r c_in c_sarif <<< "$(measure)"

echo "999 migrations, median of $runs runs on $(nproc) cores (load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "  (a) no qalab.sum:                     ${a_in} ms inside the Mojo, SARIF ${a_sarif} ms   (target < 150 ms)"
echo "  (b) qalab.sum with 999 entries:       ${b_in} ms inside the Mojo, SARIF ${b_sarif} ms"
echo "  (c) as (b), 1 unrecorded migration:   ${c_in} ms inside the Mojo, SARIF ${c_sarif} ms   (lint parses 1 file)"
