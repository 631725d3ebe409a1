#!/usr/bin/env bash
# The adoption goals on N tables (default 200) on PostgreSQL: qalab:baseline of a database holding them (read, write
# 001_baseline.sql, check its replay, record), qalab:status with and without the live drift on the baselined database,
# and qalab:diagram of the baseline. Medians of the goals' own timing lines (inside the Mojo) and of the whole process.
# Usage: bench/adopt-bench.sh [runs=5] [tables=200]      (needs PostgreSQL on 127.0.0.1:5432, user postgres, and psql)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-5}
N=${2:-200}
WORK=$ROOT/bench/work-adopt
REPO=$ROOT/target/local-repo     # where the invoker installs the plugin under test; never the shared ~/.m2
VERSION=$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')

echo "bench: building the plugin into $REPO"
mvn -B -q verify -DskipTests -Dinvoker.test=migrate-skip >/dev/null

rm -rf "$WORK" && mkdir -p "$WORK/project/src/main/resources/db/migration"
cat > "$WORK/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>adopt-bench</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins>
    <plugin><groupId>io.github.qalab</groupId><artifactId>qalab-maven-plugin</artifactId><version>$VERSION</version></plugin>
  </plugins></build>
</project>
POM
# N tables as Hibernate's export writes them: an identity or sequence id, a unique column, an index, a foreign key
{
  for i in $(seq 1 "$N"); do
    echo "create sequence item_${i}_seq start with 1 increment by 50;"
    echo "create table item_$i (id bigint not null, code varchar(40) not null, price numeric(12,2),"
    echo "  created_at timestamp(6) with time zone, parent_id bigint, primary key (id));"
    echo "alter table item_$i add constraint uk_item_${i}_code unique (code);"
    echo "create index ix_item_${i}_created on item_$i (created_at);"
    [ "$i" -gt 1 ] && echo "alter table item_$i add constraint fk_item_${i}_parent foreign key (parent_id) references item_$((i - 1));"
  done
} > "$WORK/schema.sql"

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qAtc "$1"; }
DB=qalab_bench_adopt
URL="jdbc:postgresql://127.0.0.1:5432/$DB"
existing_db() { psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; psql_admin "CREATE DATABASE $DB";
  psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -f "$WORK/schema.sql" >/dev/null; }
run() {  # one mvn run in the bench project; whole-process seconds appended to $WORK/$1.wall
  local name=$1; shift
  (cd "$WORK/project" && /usr/bin/time -f %e -a -o "$WORK/$name.wall" mvn -B -o -Dmaven.repo.local="$REPO" \
    -Dqalab.url="$URL" -Dqalab.user=postgres "$@" > "$WORK/last.log" 2>&1) || { cat "$WORK/last.log" >&2; exit 1; }
}
# warm-up: resolves the plugin once (online if needed), so that the timed runs can be offline
(cd "$WORK/project" && mvn -B -q -Dmaven.repo.local="$REPO" qalab:help >/dev/null)
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
report() {  # name, what: medians of the Mojo's own ms ($WORK/name.ms) and the whole process
  echo "$2: median $(median < "$WORK/$1.ms") ms inside the Mojo (runs: $(tr '\n' ' ' < "$WORK/$1.ms")), whole process $(median < "$WORK/$1.wall") s"
}

: > "$WORK/baseline.ms"
for r in $(seq 1 "$RUNS"); do
  existing_db
  rm -f "$WORK/project/src/main/resources/db/migration/"*
  run baseline qalab:baseline
  grep -o 'nothing was run ([0-9]* ms)' "$WORK/last.log" | grep -o '[0-9]*' >> "$WORK/baseline.ms"
done
report baseline "qalab:baseline of $N tables"

: > "$WORK/status.ms"; : > "$WORK/status-nodrift.ms"
for r in $(seq 1 "$RUNS"); do
  run status qalab:status -Dqalab.liveDrift
  grep -q 'Drift: the database compared with 1 applied migration (up to 001): in sync' "$WORK/last.log"
  grep -o 'Status read in [0-9]* ms' "$WORK/last.log" | grep -o '[0-9]*' >> "$WORK/status.ms"
  run status-nodrift qalab:status
  grep -o 'Status read in [0-9]* ms' "$WORK/last.log" | grep -o '[0-9]*' >> "$WORK/status-nodrift.ms"
done
report status "qalab:status -Dqalab.liveDrift, $N tables"
report status-nodrift "qalab:status without live drift (the default)"

: > "$WORK/diagram.ms"
for r in $(seq 1 "$RUNS"); do
  run diagram qalab:diagram
  grep -o 'marked) ([0-9]* ms)\|tables ([0-9]* ms)' "$WORK/last.log" | grep -o '[0-9]* ms' | grep -o '[0-9]*' >> "$WORK/diagram.ms"
done
report diagram "qalab:diagram of $N tables"
psql_admin "DROP DATABASE $DB WITH (FORCE)"
