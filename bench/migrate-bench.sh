#!/usr/bin/env bash
# qalab:migrate vs plain flyway-maven-plugin 13.6.0 migrate, same files (empty prefix, "_" separator), same PostgreSQL,
# a fresh database for every run, alternating, in one run of this script; then qalab:migrate on MariaDB and on the
# embedded H2 default, an empty `mvn validate` (Maven's own start-up), and qalab:status on the applied chain.
# Alembic's `upgrade head` on the same 999-table chain measured 3.7-3.9 s on this machine (issue 12). When python3
# has alembic and psycopg2 (Debian: python3-alembic python3-psycopg2), it runs here too, alternating with the others
# on a fresh database (bench/alembic-peer.sh writes its project); set ALEMBIC=0 to skip it.
# Usage: bench/migrate-bench.sh [runs=5] [migrations=999]     (PG_ONLY=1: PostgreSQL and its peers only)
#        (needs PostgreSQL on 127.0.0.1:5432, user postgres, and MariaDB on 127.0.0.1:3306, user root)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-5}
N=${2:-999}
WORK=$ROOT/bench/work
REPO=$ROOT/target/local-repo     # where the invoker installs the plugin under test; never the shared ~/.m2
VERSION=$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')

echo "bench: building the plugin into $REPO"
mvn -B -q verify -DskipTests -Dinvoker.test=migrate-skip >/dev/null

rm -rf "$WORK/project" && mkdir -p "$WORK/project/src/main/resources/db/migration"
MIG=$WORK/project/src/main/resources/db/migration
for i in $(seq 1 "$N"); do
  v=$(printf %03d "$i"); p=$(printf %03d $((i - 1))); [ "$i" = 1 ] && p=none
  cat > "$MIG/${v}_create_table_${i}.sql" <<SQL
-- revision: $v
-- down_revision: $p
-- message: Create table $i

CREATE TABLE bench_$i (
    id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT pk_bench_$i PRIMARY KEY (id)
);
CREATE INDEX ix_bench_${i}_name ON bench_$i (name);

/* qalab:downgrade
DROP TABLE bench_$i;
*/
SQL
done
# Plain Flyway gets the same prefix/separator from a config file: an empty XML element would mean "unset".
printf 'flyway.sqlMigrationPrefix=\nflyway.sqlMigrationSeparator=_\nflyway.locations=filesystem:src/main/resources/db/migration\nflyway.user=postgres\n' \
  > "$WORK/project/flyway.conf"
cat > "$WORK/project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>migrate-bench</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins>
    <plugin>
      <groupId>io.github.qalab</groupId><artifactId>qalab-maven-plugin</artifactId><version>$VERSION</version>
    </plugin>
    <plugin>
      <groupId>org.flywaydb</groupId><artifactId>flyway-maven-plugin</artifactId><version>13.6.0</version>
      <configuration><configFiles><configFile>flyway.conf</configFile></configFiles></configuration>
      <dependencies>
        <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId><version>13.6.0</version></dependency>
        <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.8</version></dependency>
      </dependencies>
    </plugin>
  </plugins></build>
</project>
POM

psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qAtc "$1"; }
# CHECKPOINT: the previous run's 999 dropped tables are flushed before the clock starts, for both tools alike
fresh_db() { local db=qalab_bench_$1; psql_admin "DROP DATABASE IF EXISTS $db WITH (FORCE)"; psql_admin "CREATE DATABASE $db"; psql_admin "CHECKPOINT"; echo "$db"; }
mvn_in() { (cd "$WORK/project" && mvn -B -o -Dmaven.repo.local="$REPO" "$@"); }
seconds() {  # wall-clock seconds of one mvn run in the bench project
  (cd "$WORK/project" && /usr/bin/time -f %e -o "$WORK/time.txt" mvn -B -o -Dmaven.repo.local="$REPO" "$@" \
    > "$WORK/last.log" 2>&1) || { cat "$WORK/last.log" >&2; exit 1; }
  cat "$WORK/time.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# warm-up (resolves both plugins once, online if needed)
db=$(fresh_db warm)
(cd "$WORK/project" && mvn -B -q -Dmaven.repo.local="$REPO" qalab:help flyway:info -Dflyway.url="jdbc:postgresql://127.0.0.1:5432/$db" >/dev/null)
psql_admin "DROP DATABASE $db"

alembic=0
if [ "${ALEMBIC:-1}" != 0 ] && "${PYTHON:-/usr/bin/python3}" -c 'import alembic, psycopg2' 2>/dev/null; then
  alembic=1
  "$ROOT/bench/alembic-peer.sh" 0 "$N" >/dev/null 2>&1
fi
: > "$WORK/qalab.txt"; : > "$WORK/flyway.txt"; : > "$WORK/alembic-runs.txt"
for r in $(seq 1 "$RUNS"); do
  db=$(fresh_db q$r)
  seconds qalab:migrate -Dqalab.url="jdbc:postgresql://127.0.0.1:5432/$db" -Dqalab.user=postgres >> "$WORK/qalab.txt"
  grep -q "$N migrations applied" "$WORK/last.log"
  psql_admin "DROP DATABASE $db WITH (FORCE)"
  db=$(fresh_db f$r)
  seconds flyway:migrate -Dflyway.url="jdbc:postgresql://127.0.0.1:5432/$db" >> "$WORK/flyway.txt"
  grep -q "Successfully applied $N migrations" "$WORK/last.log"
  [ "$r" = "$RUNS" ] || psql_admin "DROP DATABASE $db WITH (FORCE)"
  if [ "$alembic" = 1 ]; then
    psql_admin "DROP DATABASE IF EXISTS alembic_bench WITH (FORCE)"; psql_admin "CREATE DATABASE alembic_bench"; psql_admin "CHECKPOINT"
    (cd "$WORK/alembic" && /usr/bin/time -f %e -o "$WORK/time.txt" "${PYTHON:-/usr/bin/python3}" -m alembic -c alembic.ini \
      upgrade head > "$WORK/last.log" 2>&1) || { cat "$WORK/last.log" >&2; exit 1; }
    cat "$WORK/time.txt" >> "$WORK/alembic-runs.txt"
    psql_admin "DROP DATABASE alembic_bench WITH (FORCE)"
  fi
  echo "run $r: qalab $(tail -1 "$WORK/qalab.txt") s, flyway $(tail -1 "$WORK/flyway.txt") s$([ "$alembic" = 1 ] && echo ", alembic $(tail -1 "$WORK/alembic-runs.txt") s")"
done
q=$(median < "$WORK/qalab.txt"); f=$(median < "$WORK/flyway.txt")
echo "median of $RUNS runs, $N migrations: qalab:migrate $q s, flyway:migrate $f s, overhead $(awk -v q="$q" -v f="$f" 'BEGIN {printf "%.1f", (q - f) / f * 100}') %"
if [ "$alembic" = 1 ]; then
  a=$(median < "$WORK/alembic-runs.txt")
  echo "alembic upgrade head (same chain, alternating): $a s; qalab / alembic $(awk -v q="$q" -v a="$a" 'BEGIN {printf "%.2f", q / a}') (target <= 2)"
fi

[ "${PG_ONLY:-0}" = 1 ] && exit 0
# the same chain on MariaDB (no transactional DDL: one migration at a time, with the journal) and the embedded H2
maria() { mariadb -h 127.0.0.1 -uroot -e "$1"; }
: > "$WORK/maria.txt"; : > "$WORK/h2.txt"; : > "$WORK/validate.txt"
for r in $(seq 1 "$RUNS"); do
  maria "DROP DATABASE IF EXISTS qalab_bench_m; CREATE DATABASE qalab_bench_m"
  seconds qalab:migrate -Dqalab.url="jdbc:mariadb://127.0.0.1:3306/qalab_bench_m" -Dqalab.user=root >> "$WORK/maria.txt"
  grep -q "$N migrations applied" "$WORK/last.log"
  rm -rf "$WORK/project/target/qalab"
  seconds qalab:migrate >> "$WORK/h2.txt"
  grep -q "$N migrations applied" "$WORK/last.log"
  seconds validate >> "$WORK/validate.txt"
  echo "run $r: MariaDB $(tail -1 "$WORK/maria.txt") s, H2 $(tail -1 "$WORK/h2.txt") s, empty validate $(tail -1 "$WORK/validate.txt") s"
done
maria "DROP DATABASE IF EXISTS qalab_bench_m"
echo "median of $RUNS runs, $N migrations: qalab:migrate MariaDB $(median < "$WORK/maria.txt") s, embedded H2 $(median < "$WORK/h2.txt") s; empty mvn validate $(median < "$WORK/validate.txt") s"

# qalab:status on the last database (N applied by plain Flyway, same files): the Mojo logs its own time
: > "$WORK/status.txt"
for r in $(seq 1 "$RUNS"); do
  mvn_in qalab:status -Dqalab.url="jdbc:postgresql://127.0.0.1:5432/$db" -Dqalab.user=postgres > "$WORK/last.log" 2>&1
  grep -o 'Status read in [0-9]* ms' "$WORK/last.log" | grep -o '[0-9]*' >> "$WORK/status.txt"
done
echo "qalab:status on $N applied migrations: median $(median < "$WORK/status.txt") ms inside the Mojo (runs: $(tr '\n' ' ' < "$WORK/status.txt"))"
psql_admin "DROP DATABASE $db WITH (FORCE)"
