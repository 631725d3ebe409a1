#!/usr/bin/env bash
# kill -9 during qalab:migrate on MariaDB (no transactional DDL), N trials: after each kill, qalab:status must either
# show a clean state (every revision applied or pending) or name the interrupted revision with the command that
# repairs it; then the repair it names (undo what the half-run migration left, qalab:repair) and qalab:migrate must
# reach the head. Uses the 999-migration project that bench/migrate-bench.sh writes (run that first).
# Usage: bench/kill-migrate.sh [trials=10]     (needs MariaDB on 127.0.0.1:3306, user root, empty password)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TRIALS=${1:-10}
WORK=$ROOT/bench/work
REPO=$ROOT/target/local-repo
[ -d "$WORK/project" ] || { echo "run bench/migrate-bench.sh first (it writes $WORK/project)" >&2; exit 2; }
N=$(ls "$WORK/project/src/main/resources/db/migration" | grep -c '\.sql$')
URL="jdbc:mariadb://127.0.0.1:3306/qalab_kill"
maria() { mariadb -h 127.0.0.1 -uroot -N -e "$1"; }
mvn_in() { (cd "$WORK/project" && mvn -B -o -Dmaven.repo.local="$REPO" "$@" -Dqalab.url="$URL" -Dqalab.user=root); }
clean=0; named=0; wrong=0
for t in $(seq 1 "$TRIALS"); do
  maria "DROP DATABASE IF EXISTS qalab_kill; CREATE DATABASE qalab_kill"
  (cd "$WORK/project" && exec mvn -B -o -q -Dmaven.repo.local="$REPO" qalab:migrate -Dqalab.url="$URL" -Dqalab.user=root \
      > "$WORK/kill-run.log" 2>&1) &
  runner=$!
  delay=$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 4 + rand() * 8 }')
  sleep "$delay"
  pkill -9 -f "qalab_kill" ; wait "$runner" 2>/dev/null
  applied=$(maria "SELECT COUNT(*) FROM qalab_kill.flyway_schema_history WHERE success = 1" 2>/dev/null || echo 0)
  mvn_in qalab:status > "$WORK/kill-status.log" 2>&1
  state="clean"
  if grep -q "partially applied" "$WORK/kill-status.log"; then
    state="named"
    version=$(grep -o '[0-9]\{3\}_create_table_[0-9]*\.sql: started but never finished' "$WORK/kill-status.log" | head -1 | cut -c1-3)
    grep -q "then run: mvn qalab:repair qalab:migrate" "$WORK/kill-status.log" || state="wrong (no command)"
    # undo by hand what the interrupted migration left: its table (the index goes with it)
    maria "DROP TABLE IF EXISTS qalab_kill.bench_$((10#$version))"
    mvn_in qalab:repair > "$WORK/kill-repair.log" 2>&1 || state="wrong (repair failed)"
  elif grep -q "failed" "$WORK/kill-status.log"; then
    state="wrong (failed row)"
  fi
  if mvn_in qalab:migrate > "$WORK/kill-after.log" 2>&1 \
      && [ "$(maria "SELECT COUNT(*) FROM qalab_kill.flyway_schema_history WHERE success = 1")" = "$N" ]; then
    :
  else
    state="wrong (migrate after it failed: $(grep -m1 ERROR "$WORK/kill-after.log" | cut -c1-200))"
  fi
  case "$state" in clean) clean=$((clean + 1));; named) named=$((named + 1));; *) wrong=$((wrong + 1));; esac
  echo "trial $t: killed after ${delay}s with $applied applied: $state"
done
maria "DROP DATABASE IF EXISTS qalab_kill"
echo "kill -9 during qalab:migrate on MariaDB, $TRIALS trials: $clean clean, $named named by status and repaired, $wrong wrong"
[ "$wrong" = 0 ]
