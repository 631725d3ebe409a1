#!/usr/bin/env bash
# Issue 8's speed target, with the Hibernate model: a jar project of 500 JPA entities on hibernate-core (compiled
# once, so the classes are up to date) and 200 migrations (bench/GenerateBenchProject.java --hibernate).
#  (1) qalab:generate writes the next migration (20 new tables, 19 added columns, checked), from a fresh copy of the
#      project each run (cp -a keeps the classes newer than their sources);
#  (2) qalab:verify runs the drift check on the same project (it reports the 94 changes of the 20 new entities and 19 columns and
#      fails, as it should: the time of the check is what is measured);
#  (3) an empty `mvn validate` of the same project, for the bound "within 1.5x of an empty mvn validate + 3 s".
# (1) and (2) run in four states of the caches in ~/.cache/qalab (see qalab.cache) and of the Hibernate worker:
#   "classes changed": an entity changed since the last run (a changed file in target/classes that is mapping input
#       stands for it), the migrations did not: Hibernate maps in the warm worker the previous run left
#       (qalab.workerKeepAlive), the migrations' schema comes from the shadow cache. The usual generate while editing.
#   "classes changed, fresh worker": the same with -Dqalab.workerKeepAlive=0: Hibernate boots in a new worker JVM,
#       as in the first build of the day or in CI.
#   "nothing changed": classes and migrations as in the last run: both come from the caches. The usual drift check
#       of a `mvn verify` during development.
#   "cold": -Dqalab.cache=false: Hibernate boots and the 200 migrations replay, as on a fresh machine.
# Reports median (min-max) of RUNS for the time inside the Mojo (its own timing line) and the whole process (wall).
# Needs the plugin in the local repository: `mvn -B -q install -DskipTests -Dinvoker.skip` installs it there.
# Usage: bench/hibernate-bench.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
root=$(pwd)
mvn_args=(-B -o)
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
hibernate=$(sed -n 's:.*<hibernate.version>\(.*\)</hibernate.version>.*:\1:p' pom.xml | head -1)
work=bench/work/hibernate-500
rm -rf "$work"
mkdir -p "$work"
java bench/GenerateBenchProject.java "$work/generate" "$version" 500 200 20 --hibernate="$hibernate"
mvn "${mvn_args[@]}" -q -f "$work/generate/pom.xml" compile >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
range() { sort -n | awk 'NR == 1 {min=$1} {max=$1} END {print min "-" max}'; }
stats() { local v; v=$(cat); echo "$(median <<< "$v") ms ($(range <<< "$v"))"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# a .properties file in the class folder is part of the mapping cache's key (Hibernate may read it)
change_classes() { echo "bench.change=$RANDOM$(date +%s%N)" > "$1/target/classes/bench-change.properties"; }
option() {
  case "$1" in
    cold) echo "-Dqalab.cache=false -Dqalab.workerKeepAlive=0" ;;
    fresh) echo "-Dqalab.workerKeepAlive=0" ;;
    *) echo "-Dqalab.workerKeepAlive=300" ;;
  esac
}
generate_once() { # $1 = state; "<mojo ms> <entities ms> <replay ms> <diff ms> <wall ms>"
  # the same folder every run (paths are part of the cache key), back to the 200 migrations before each run
  local m="src/main/resources/db/migration"
  rm -f "$work/run/$m/201_"*.sql "$work/run/$m/qalab.sum"
  [ ! -f "$work/generate/$m/qalab.sum" ] || cp "$work/generate/$m/qalab.sum" "$work/run/$m/"
  case "$1" in changed|fresh) change_classes "$work/run" ;; esac
  local s e log file
  s=$(now_ms)
  log=$(mvn "${mvn_args[@]}" -f "$work/run/pom.xml" qalab:generate -Dqalab.message="Add the next entities" $(option "$1")) \
    || { echo "$log" >&2; exit 1; }
  e=$(now_ms)
  file="$work/run/src/main/resources/db/migration/201_add_the_next_entities.sql"
  local up; up=$(sed '/qalab:downgrade/,$d' "$file")
  [ "$(grep -c 'CREATE TABLE' <<< "$up")" = 20 ] && [ "$(grep -c 'ADD COLUMN' <<< "$up")" = 19 ] \
    && ! grep -q -E 'DROP|ALTER COLUMN' <<< "$up" || { echo "unexpected migration:" >&2; head -50 "$file" >&2; exit 1; }
  sed -n 's/.*Generated in \([0-9]*\) ms (entities \([0-9]*\) ms alongside shadow replay \([0-9]*\) ms, diff+render \([0-9]*\) ms).*/\1 \2 \3 \4 '"$((e - s))"'/p' <<< "${log//replay from cache/replay}"
}
drift_once() { # $1 = state; "<drift ms> <entities ms> <replay ms> <wall ms>"
  case "$1" in changed|fresh) change_classes "$work/generate" ;; esac
  local s e log
  s=$(now_ms)
  log=$(mvn "${mvn_args[@]}" -f "$work/generate/pom.xml" qalab:verify -Dqalab.lint=off $(option "$1") || true)
  e=$(now_ms)
  grep -q 'Drift: .* 94 differences' <<< "${log//replay from cache/replay}" || { echo "unexpected drift check:" >&2; echo "$log" | head -20 >&2; exit 1; }
  sed -n 's/.*Drift: .* differences (\([0-9]*\) ms: entities \([0-9]*\) ms alongside replay \([0-9]*\) ms).*/\1 \2 \3 '"$((e - s))"'/p' <<< "${log//replay from cache/replay}"
}
validate_once() {
  local s e
  s=$(now_ms)
  mvn "${mvn_args[@]}" -q -f "$work/generate/pom.xml" validate >/dev/null
  e=$(now_ms)
  echo $((e - s))
}

rm -rf "$work/run"; cp -a "$work/generate" "$work/run"
# fill the caches and start the warm worker, fail early
generate_once unchanged >/dev/null; drift_once unchanged >/dev/null; generate_once changed >/dev/null; validate_once >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A G D
v=""
for _ in $(seq "$runs"); do
  for state in changed fresh unchanged cold; do
    G[$state]+="$(generate_once $state)"$'\n'; D[$state]+="$(drift_once $state)"$'\n'
  done
  v+="$(validate_once)"$'\n'
done
v=$(sed '/^$/d' <<< "$v")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
validate=$(median <<< "$v")
echo "Hibernate $hibernate model, 500 entities (classes up to date), 200 migrations; median (min-max) of $runs runs on $(nproc) cores"
echo "JVM: $(java -version 2>&1 | head -1), MAVEN_OPTS: ${MAVEN_OPTS:-(none)}"
report() { # $1 = title, $2 = generate lines, $3 = drift lines
  echo "== $1"
  echo "qalab:generate (20 tables, 19 columns):"
  echo "  inside the Mojo:        $(cut -d' ' -f1 <<< "$2" | stats)   (target < 3000 ms)"
  echo "    entities:             $(cut -d' ' -f2 <<< "$2" | stats)   (Hibernate's metamodel, alongside the replay)"
  echo "    shadow replay:        $(cut -d' ' -f3 <<< "$2" | stats)"
  echo "    normalise+diff+render: $(cut -d' ' -f4 <<< "$2" | stats)"
  echo "  mvn qalab:generate:     $(cut -d' ' -f5 <<< "$2" | stats)   wall, whole process"
  echo "qalab:verify, drift check (finds the 94 changes):"
  echo "  drift check:            $(cut -d' ' -f1 <<< "$3" | stats)   (target < 3000 ms)"
  echo "  mvn qalab:verify:       $(cut -d' ' -f4 <<< "$3" | stats)   wall, whole process"
}
report "classes changed, migrations unchanged (Hibernate maps in the warm worker; the migrations' schema from the shadow cache)" \
  "$(sed '/^$/d' <<< "${G[changed]}")" "$(sed '/^$/d' <<< "${D[changed]}")"
report "classes changed, fresh worker (-Dqalab.workerKeepAlive=0: Hibernate boots in a new JVM)" \
  "$(sed '/^$/d' <<< "${G[fresh]}")" "$(sed '/^$/d' <<< "${D[fresh]}")"
report "nothing changed since the last run (mapping and migrations' schema from the caches)" \
  "$(sed '/^$/d' <<< "${G[unchanged]}")" "$(sed '/^$/d' <<< "${D[unchanged]}")"
report "cold (-Dqalab.cache=false -Dqalab.workerKeepAlive=0: Hibernate boots, the 200 migrations replay)" \
  "$(sed '/^$/d' <<< "${G[cold]}")" "$(sed '/^$/d' <<< "${D[cold]}")"
echo "empty mvn validate:       $(stats <<< "$v")"
echo "bound 1.5 x validate + 3 s: $(awk -v a="$validate" 'BEGIN {printf "%d", 1.5 * a + 3000}') ms; 1.5 x (validate + 3 s): $(awk -v a="$validate" 'BEGIN {printf "%d", 1.5 * (a + 3000)}') ms"
echo "load average before/after (1, 5, 15 min): $load_before / $load_after"
