#!/usr/bin/env bash
# Measures qalab:verify on a generated project with 999 migrations:
#  (a) the time inside the Mojo (scan + parse + all rules), from its debug line, median of 5 runs;
#  (b) wall time of `mvn qalab:verify` against an empty `mvn validate` of the same project, median of 5 each.
# With --with-sum, a qalab.sum (written by qalab:hash) records all 999, so verify also hashes every file.
# The project has no @Entity source, so the drift check (on by default) is skipped after a text search; the script
# prints verify's note that says so.
# Needs the plugin in the local repository (mvn install of this project), or set
# BENCH_MVN_ARGS="-llr -Dmaven.repo.local=$PWD/target/local-repo" after `mvn verify` (the invoker ITs install it there).
# Usage: bench/verify-bench.sh [runs] [--with-sum]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
with_sum=${2:-}
read -r -a extra <<< "${BENCH_MVN_ARGS:-}"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
work=bench/work/verify-999
# shellcheck source=bench/project-999.sh
source bench/project-999.sh
write_project_999 "$work" verify-999 "$version"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
range() { sort -n | awk 'NR == 1 {min=$1} {max=$1} END {print min "-" max}'; }
wall_ms() { local s e; s=$(date +%s%N); mvn -B -o -q "${extra[@]}" -f "$work/pom.xml" "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }

if [ "$with_sum" = --with-sum ]; then
  mvn -B -o -q "${extra[@]}" -f "$work/pom.xml" qalab:hash >/dev/null
fi
# warm the file cache and fail early if the chain breaks; keep verify's note on the drift check
drift_note=$(mvn -B -o "${extra[@]}" -f "$work/pom.xml" qalab:verify | sed -n 's/^\[INFO\] \(Drift.*\)/\1/p')

lines=$(for _ in $(seq "$runs"); do
  mvn -B -o -X "${extra[@]}" -f "$work/pom.xml" qalab:verify | grep 'qalab:verify: read 999 files'
done)
inside_all=$(sed -n 's/.* \([0-9]*\) ms in total.*/\1/p' <<< "$lines")
cpu_all=$(sed -n 's/.*(\([0-9]*\) ms CPU).*/\1/p' <<< "$lines")
inside=$(median <<< "$inside_all"); cpu=$(median <<< "$cpu_all")
verify_all=$(for _ in $(seq "$runs"); do wall_ms qalab:verify; done)
validate_all=$(for _ in $(seq "$runs"); do wall_ms validate; done)
verify=$(median <<< "$verify_all"); validate=$(median <<< "$validate_all")

echo "999 migrations$([ "$with_sum" = --with-sum ] && echo ", with qalab.sum" || echo ", no qalab.sum"), median of $runs runs on $(nproc) cores"
echo "  JVM: $(java -version 2>&1 | head -1); verify says: ${drift_note:-(no drift note)}"
echo "  inside the Mojo (scan + parse + rules): ${inside} ms wall ($(range <<< "$inside_all")), ${cpu} ms CPU ($(range <<< "$cpu_all"))   (target < 150 ms)"
echo "  load average while measuring:          $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  mvn qalab:verify wall time:            ${verify} ms ($(range <<< "$verify_all"))"
echo "  mvn validate (empty) wall time:        ${validate} ms ($(range <<< "$validate_all"))"
echo "  difference:                            $((verify - validate)) ms   (target < 1000 ms)"
