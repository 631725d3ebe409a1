#!/usr/bin/env bash
# The peer of issue 12, side by side on this machine: Alembic's `upgrade head` of the same chain that
# bench/migrate-bench.sh gives qalab (N revisions, each one CREATE TABLE and one CREATE INDEX, raw SQL through
# op.execute), on a fresh PostgreSQL database per run, one transaction (Alembic's default on PostgreSQL), and psql
# running the same SQL in one transaction (the floor of any tool). Not run in CI.
# Needs: python3 with alembic and psycopg2 (Debian: apt-get install python3-alembic python3-psycopg2), psql.
# Usage: bench/alembic-peer.sh [runs=5] [migrations=999]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
N=${2:-999}
PY=${PYTHON:-/usr/bin/python3}
WORK=$(pwd)/bench/work/alembic
rm -rf "$WORK" && mkdir -p "$WORK/versions"
cat > "$WORK/env.py" <<'PY'
from alembic import context
from sqlalchemy import create_engine
engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
PY
printf '[alembic]\nscript_location = %s\nsqlalchemy.url = postgresql://postgres@127.0.0.1:5432/alembic_bench\n' "$WORK" > "$WORK/alembic.ini"
: > "$WORK/all.sql"
for i in $(seq 1 "$N"); do
  v=$(printf %03d "$i"); p=$(printf %03d $((i - 1)))
  down="'$p'"; [ "$i" = 1 ] && down=None
  sql_table="CREATE TABLE bench_$i (id BIGINT NOT NULL, name VARCHAR(100) NOT NULL, CONSTRAINT pk_bench_$i PRIMARY KEY (id))"
  sql_index="CREATE INDEX ix_bench_${i}_name ON bench_$i (name)"
  cat > "$WORK/versions/${v}_create_table_$i.py" <<PY
from alembic import op
revision = '$v'
down_revision = $down
def upgrade():
    op.execute("""$sql_table""")
    op.execute("""$sql_index""")
def downgrade():
    op.execute("DROP TABLE bench_$i")
PY
  printf '%s;\n%s;\n' "$sql_table" "$sql_index" >> "$WORK/all.sql"
done
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qAtc "$1"; }
fresh() { psql_admin "DROP DATABASE IF EXISTS alembic_bench WITH (FORCE)" 2>/dev/null; psql_admin "CREATE DATABASE alembic_bench"; psql_admin "CHECKPOINT"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
: > "$WORK/alembic.txt"; : > "$WORK/psql.txt"
fresh; (cd "$WORK" && "$PY" -m alembic -c alembic.ini upgrade head >/dev/null 2>&1) # warm the file cache
for r in $(seq 1 "$RUNS"); do
  fresh
  (cd "$WORK" && /usr/bin/time -f %e -o "$WORK/t.txt" "$PY" -m alembic -c alembic.ini upgrade head >/dev/null 2>&1)
  [ "$(psql -h 127.0.0.1 -U postgres -d alembic_bench -qAtc 'SELECT version_num FROM alembic_version')" = "$(printf %03d "$N")" ]
  cat "$WORK/t.txt" >> "$WORK/alembic.txt"
  fresh
  /usr/bin/time -f %e -o "$WORK/t.txt" psql -h 127.0.0.1 -U postgres -d alembic_bench -q -1 -f "$WORK/all.sql" >/dev/null
  cat "$WORK/t.txt" >> "$WORK/psql.txt"
  echo "run $r: alembic $(tail -1 "$WORK/alembic.txt") s, psql $(tail -1 "$WORK/psql.txt") s"
done
psql_admin "DROP DATABASE IF EXISTS alembic_bench WITH (FORCE)"
echo "median of $RUNS runs, $N migrations: alembic upgrade head $(median < "$WORK/alembic.txt") s, psql -1 $(median < "$WORK/psql.txt") s"
