#!/usr/bin/env bash
# Measures qalab:generate on a generated project with 500 JPA entities and 200 migrations that create the schema of
# 480 of them (bench/GenerateBenchProject.java): each run generates the next migration (20 new tables, 19 added
# columns) from a fresh copy of the project, and the bench checks that file. Reports, as median (min-max) of RUNS:
#  (a) the time inside the Mojo, from its "Generated in ..." line (and its phases);
#  (b) the wall time of the whole `mvn qalab:generate` process;
#  (c) side by side: Hibernate 7's own schema export (JPA schema-generation scripts, no database) of the same 500
#      entities, compiled with javac, timed as a whole JVM process, and the time inside its main method.
# Needs the plugin in a local repository: after `mvn -B -o verify -Dinvoker.test=generate-seed-example -DskipTests`
# (which installs it into target/local-repo), set
#   BENCH_MVN_ARGS="-llr -Dmaven.repo.local=$PWD/target/local-repo"
# BENCH_JVM_OPTS (e.g. "-XX:TieredStopAtLevel=1") is given to both JVMs: MAVEN_OPTS for mvn, options for java.
# Usage: bench/generate-bench.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
read -r -a extra <<< "${BENCH_MVN_ARGS:-}"
read -r -a jvm <<< "${BENCH_JVM_OPTS:-}"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
hibernate=$(sed -n 's:.*<hibernate.version>\(.*\)</hibernate.version>.*:\1:p' pom.xml | head -1)
hibernate=${hibernate:-7.4.13.Final}
work=bench/work/generate-500
rm -rf "$work"
mkdir -p "$work"
java bench/GenerateBenchProject.java "$work/project" "$version" 500 200 20

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
range() { sort -n | awk 'NR == 1 {min=$1} {max=$1} END {print min "-" max}'; }
stats() { local v; v=$(cat); echo "$(median <<< "$v") ms ($(range <<< "$v"))"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# ---- qalab:generate ---------------------------------------------------------------------------------------------
migrations="src/main/resources/db/migration"
check_generated() { # the diff the project was built for, no more and no less
  local up; up=$(sed '/qalab:downgrade/,$d' "$1")
  [ "$(grep -c 'CREATE TABLE' <<< "$up")" = 20 ] && [ "$(grep -c 'CREATE SEQUENCE' <<< "$up")" = 20 ] \
    && [ "$(grep -c 'ADD COLUMN' <<< "$up")" = 19 ] && [ "$(grep -c 'FOREIGN KEY' <<< "$up")" = 35 ] \
    && [ "$(grep -c 'CREATE INDEX' <<< "$up")" = 40 ] && ! grep -q -E 'DROP|ALTER COLUMN' <<< "$up" \
    || { echo "unexpected migration $1:" >&2; cat "$1" >&2; exit 1; }
}
cpu_ms() { awk '{printf "%d", ($1 + $2) * 1000}' "$1"; } # user + system seconds written by /usr/bin/time
generate_once() { # prints "<mojo ms> <wall ms> <entities ms> <replay ms> <diff ms> <cpu ms>"
  rm -rf "$work/run"; cp -r "$work/project" "$work/run"
  local s e log
  s=$(now_ms)
  log=$(MAVEN_OPTS="${BENCH_JVM_OPTS:-}" /usr/bin/time -o "$work/time.txt" -f '%U %S' \
    mvn -B -o "${extra[@]}" -f "$work/run/pom.xml" qalab:generate -Dqalab.message="Add the next entities")
  e=$(now_ms)
  check_generated "$work/run/$migrations/201_add_the_next_entities.sql"
  sed -n 's/.*Generated in \([0-9]*\) ms (entities \([0-9]*\) ms alongside shadow replay \([0-9]*\) ms, diff+render \([0-9]*\) ms).*/\1 '"$((e - s))"' \2 \3 \4 '"$(cpu_ms "$work/time.txt")"'/p' <<< "${log//replay from cache/replay}"
}

# ---- Hibernate's schema export of the same entities ------------------------------------------------------------
hib="$work/hibernate"
mkdir -p "$hib/classes"
cat > "$hib/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>hibernate-export</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.hibernate.orm</groupId>
      <artifactId>hibernate-core</artifactId>
      <version>$hibernate</version>
    </dependency>
  </dependencies>
</project>
POM
mvn -B -q -o -f "$hib/pom.xml" dependency:build-classpath -Dmdep.outputFile=classpath.txt >/dev/null
cp_hib=$(cat "$hib/classpath.txt")
cat > "$hib/HibernateExport.java" <<'JAVA'
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Hibernate's create script for the entity classes listed in args[0], on PostgreSQL, without a database. */
public class HibernateExport {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<String> names = Files.readAllLines(Path.of(args[0]));
        StringWriter ddl = new StringWriter();
        HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration("bench");
        for (String name : names) {
            cfg.managedClass(Class.forName(name));
        }
        cfg.property("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                .property("jakarta.persistence.database-product-version", "15")
                .property("hibernate.boot.allow_jdbc_metadata_access", "false")
                .property("hibernate.physical_naming_strategy",
                        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")
                .property("jakarta.persistence.schema-generation.scripts.action", "create")
                .property("jakarta.persistence.schema-generation.scripts.create-target", ddl);
        try (var emf = cfg.createEntityManagerFactory()) {
            Files.writeString(Path.of(args[1]), ddl.toString());
        }
        System.out.println("export " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
JAVA
find "$work/project/src/main/java" -name '*.java' > "$hib/sources.txt"
s=$(now_ms)
javac -nowarn -d "$hib/classes" -cp "$cp_hib" @"$hib/sources.txt" "$hib/HibernateExport.java"
javac_ms=$(($(now_ms) - s))
grep -l '@Entity' $(cat "$hib/sources.txt") | sed "s:^$work/project/src/main/java/::; s:\.java$::; s:/:.:g" > "$hib/entities.txt"
export_once() { # prints "<inside ms> <wall ms> <cpu ms>"
  local s e out
  rm -f "$hib/create.sql"
  s=$(now_ms)
  out=$(/usr/bin/time -o "$work/time.txt" -f '%U %S' \
    java "${jvm[@]}" -cp "$hib/classes:$cp_hib" HibernateExport "$hib/entities.txt" "$hib/create.sql" 2>/dev/null)
  e=$(now_ms)
  [ "$(grep -c -i '^create table' "$hib/create.sql")" = 500 ] || { echo "Hibernate exported no 500 tables" >&2; exit 1; }
  echo "$(sed -n 's/^export \([0-9]*\) ms$/\1/p' <<< "$out") $((e - s)) $(cpu_ms "$work/time.txt")"
}
# ---- measure: the two alternate, so that both see the same load from anything else running on the machine -----
generate_once >/dev/null # warm the file cache; fails early if the plugin is missing or the diff is not the expected one
export_once >/dev/null
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
results=""; hib_results=""
for _ in $(seq "$runs"); do
  results+="$(generate_once)"$'\n'
  hib_results+="$(export_once)"$'\n'
done
results=$(sed '/^$/d' <<< "$results"); hib_results=$(sed '/^$/d' <<< "$hib_results")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

mojo=$(cut -d' ' -f1 <<< "$results" | median)
wall=$(cut -d' ' -f2 <<< "$results" | median)
hib_wall=$(cut -d' ' -f2 <<< "$hib_results" | median)
echo "500 entities, 200 migrations (480 tables), median (min-max) of $runs runs on $(nproc) cores"
echo "JVM: $(java -version 2>&1 | head -1), options: ${BENCH_JVM_OPTS:-(default)}"
echo "qalab:generate (writes 201_add_the_next_entities.sql: 20 tables, 19 columns), H2 shadow:"
echo "  inside the Mojo:        $(cut -d' ' -f1 <<< "$results" | stats)   (target < 3000 ms)"
echo "    entities:             $(cut -d' ' -f3 <<< "$results" | stats)   (JavaParser, alongside the replay)"
echo "    shadow replay:        $(cut -d' ' -f4 <<< "$results" | stats)   (200 migrations split by Flyway's parser, run on H2, read back)"
echo "    diff+render:          $(cut -d' ' -f5 <<< "$results" | stats)"
echo "  mvn qalab:generate:     $(cut -d' ' -f2 <<< "$results" | stats)   wall, whole process"
echo "                          $(cut -d' ' -f6 <<< "$results" | stats)   CPU (user+sys), whole process"
echo "Hibernate $hibernate schema export (scripts.action=create, PostgreSQLDialect, no database):"
echo "  javac of the entities:  ${javac_ms} ms   (once; Hibernate needs compiled classes)"
echo "  inside main():          $(cut -d' ' -f1 <<< "$hib_results" | stats)"
echo "  java process:           $(cut -d' ' -f2 <<< "$hib_results" | stats)   wall, whole process"
echo "                          $(cut -d' ' -f3 <<< "$hib_results" | stats)   CPU (user+sys), whole process"
echo "load average before/after (1, 5, 15 min): $load_before / $load_after (runs alternate between the two tools)"
echo "ratio qalab/Hibernate (wall, whole process): $(awk -v a="$wall" -v b="$hib_wall" 'BEGIN {printf "%.2f", a / b}')"
echo "ratio qalab/Hibernate (CPU, whole process):  $(awk -v a="$(cut -d' ' -f6 <<< "$results" | median)" -v b="$(cut -d' ' -f3 <<< "$hib_results" | median)" 'BEGIN {printf "%.2f", a / b}')"
echo "ratio qalab Mojo / Hibernate main():         $(awk -v a="$mojo" -v b="$(cut -d' ' -f1 <<< "$hib_results" | median)" 'BEGIN {printf "%.2f", a / b}')"
