#!/usr/bin/env bash
# Measures qalab:verify on a generated project with 999 migrations:
#  (a) the time inside the Mojo (scan + parse + all rules), from its debug line, median of 5 runs;
#  (b) wall time of `mvn qalab:verify` against an empty `mvn validate` of the same project, median of 5 each.
# Needs the plugin in the local repository (mvn install of this project), or set
# BENCH_MVN_ARGS="-llr -Dmaven.repo.local=$PWD/target/local-repo" after `mvn verify` (the invoker ITs install it there).
# Usage: bench/verify-bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
read -r -a extra <<< "${BENCH_MVN_ARGS:-}"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
work=bench/work/verify-999
rm -rf "$work"
mkdir -p "$work/src/main/resources/db/migration"
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>verify-999</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.qalab</groupId>
        <artifactId>qalab-maven-plugin</artifactId>
        <version>$version</version>
      </plugin>
    </plugins>
  </build>
</project>
POM
for n in $(seq 1 999); do
  v=$(printf %03d "$n"); p=$([ "$n" = 1 ] && echo none || printf %03d $((n - 1)))
  printf -- '-- revision: %s\n-- down_revision: %s\n-- message: Add table t%s\n\nCREATE TABLE t%s (\n    id BIGINT NOT NULL,\n    name VARCHAR(255),\n    CONSTRAINT pk_t%s PRIMARY KEY (id)\n);\n\n/* qalab:downgrade\nDROP TABLE t%s;\n*/\n' \
    "$v" "$p" "$v" "$v" "$v" "$v" > "$work/src/main/resources/db/migration/${v}_add_table_t$v.sql"
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
wall_ms() { local s e; s=$(date +%s%N); mvn -B -o -q "${extra[@]}" -f "$work/pom.xml" "$@" >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000000)); }

mvn -B -o -q "${extra[@]}" -f "$work/pom.xml" qalab:verify >/dev/null # warm the file cache and fail early if the chain breaks

lines=$(for _ in $(seq "$runs"); do
  mvn -B -o -X "${extra[@]}" -f "$work/pom.xml" qalab:verify | grep 'qalab:verify: read 999 files'
done)
inside=$(sed -n 's/.* \([0-9]*\) ms in total.*/\1/p' <<< "$lines" | median)
cpu=$(sed -n 's/.*(\([0-9]*\) ms CPU).*/\1/p' <<< "$lines" | median)
verify=$(for _ in $(seq "$runs"); do wall_ms qalab:verify; done | median)
validate=$(for _ in $(seq "$runs"); do wall_ms validate; done | median)

echo "999 migrations, median of $runs runs on $(nproc) cores"
echo "  inside the Mojo (scan + parse + rules): ${inside} ms wall, ${cpu} ms CPU   (target < 150 ms)"
echo "  load average while measuring:          $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  mvn qalab:verify wall time:            ${verify} ms"
echo "  mvn validate (empty) wall time:        ${validate} ms"
echo "  difference:                            $((verify - validate)) ms   (target < 1000 ms)"
