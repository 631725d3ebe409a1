#!/usr/bin/env bash
# Measures qalab:verify WITH the drift check on a generated project with 200 JPA entities and 500 migrations that are
# in sync with them (bench/GenerateBenchProject.java: 100 migrations create the 200 tables, 40 evolve them, 360 are
# history churn that leaves the schema as it was), with a qalab.sum written by qalab:hash. Each run must pass and
# report "in sync". Reports, as median (min-max) of RUNS:
#  (a) the time inside the Mojo (scan + parse + rules + integrity + drift), from its timing line, and the drift
#      check's own time with its two phases from the "Drift: ... in sync (N ms: entities N ms alongside replay N ms)"
#      line; the timing line is logged at debug level, which this script turns on for the plugin's logger only
#      (org.slf4j.simpleLogger.log.io.github.qalab=debug), not with -X, so Maven itself runs as usual;
#  (b) the wall time and the CPU time (user + sys) of the whole `mvn qalab:verify` process.
# Needs the plugin in a local repository: after `mvn -B -o verify -Dinvoker.test=verify-ok -DskipTests`
# (which installs it into target/local-repo), set
#   BENCH_MVN_ARGS="-llr -Dmaven.repo.local=$PWD/target/local-repo"
# Usage: bench/drift-bench.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
read -r -a extra <<< "${BENCH_MVN_ARGS:-}"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
work=bench/work/drift-200
rm -rf "$work"
mkdir -p "$work"
java bench/GenerateBenchProject.java "$work/project" "$version" 200 500 0 --in-sync --padding=360
mvn -B -o -q "${extra[@]}" -f "$work/project/pom.xml" qalab:hash >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
range() { sort -n | awk 'NR == 1 {min=$1} {max=$1} END {print min "-" max}'; }
stats() { local v; v=$(cat); echo "$(median <<< "$v") ms ($(range <<< "$v"))"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
cpu_ms() { awk '{printf "%d", ($1 + $2) * 1000}' "$1"; } # user + system seconds written by /usr/bin/time

verify_once() { # prints "<mojo ms> <drift ms> <entities ms> <replay ms> <wall ms> <cpu ms>"
  local s e log mojo drift
  s=$(now_ms)
  if ! log=$(/usr/bin/time -o "$work/time.txt" -f '%U %S' mvn -B -o "${extra[@]}" -f "$work/project/pom.xml" \
      qalab:verify -Dqalab.checkDrift=true -Dorg.slf4j.simpleLogger.log.io.github.qalab=debug); then
    echo "qalab:verify failed:" >&2; echo "$log" >&2; exit 1
  fi
  e=$(now_ms)
  drift=$(sed -n 's/.*Drift: 200 entities compared with 500 replayed migrations, in sync (\([0-9]*\) ms: entities \([0-9]*\) ms alongside replay \([0-9]*\) ms).*/\1 \2 \3/p' <<< "${log//replay from cache/replay}")
  mojo=$(sed -n 's/.*qalab:verify: read [0-9]* files in .* \([0-9]*\) ms in total.*/\1/p' <<< "${log//replay from cache/replay}")
  if [ -z "$drift" ] || [ -z "$mojo" ] || grep -q -E '^\[(WARNING|ERROR)\]' <<< "${log//replay from cache/replay}"; then
    echo "qalab:verify did not report 200 entities in sync with 500 migrations, without warnings:" >&2
    echo "$log" >&2; exit 1
  fi
  echo "$mojo $drift $((e - s)) $(cpu_ms "$work/time.txt")"
}

verify_once >/dev/null # warm the file cache; fails early if the plugin is missing or the project drifted
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=$(for _ in $(seq "$runs"); do verify_once; done)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "200 entities, 500 migrations (with qalab.sum), in sync; median (min-max) of $runs runs on $(nproc) cores"
echo "JVM: $(java -version 2>&1 | head -1), MAVEN_OPTS: ${MAVEN_OPTS:-(none)}"
echo "qalab:verify -Dqalab.checkDrift=true:"
echo "  inside the Mojo:     $(cut -d' ' -f1 <<< "$results" | stats)   (target < 3000 ms)"
echo "    drift check:       $(cut -d' ' -f2 <<< "$results" | stats)"
echo "      entities:        $(cut -d' ' -f3 <<< "$results" | stats)   (JavaParser, alongside the replay)"
echo "      replay:          $(cut -d' ' -f4 <<< "$results" | stats)   (500 migrations split by Flyway's parser, run on H2, read back)"
echo "  mvn qalab:verify:    $(cut -d' ' -f5 <<< "$results" | stats)   wall, whole process"
echo "                       $(cut -d' ' -f6 <<< "$results" | stats)   CPU (user+sys), whole process"
echo "load average before/after (1, 5, 15 min): $load_before / $load_after"
