# Sourced by bench/verify-bench.sh and bench/guard-bench.sh: writes a project with 999 migrations (a table each,
# header and downgrade block) that declares only the plugin.
# Usage: write_project_999 <dir> <artifactId> <plugin-version>
write_project_999() {
  local work=$1 artifact=$2 version=$3
  local dir=$work/src/main/resources/db/migration
  rm -rf "$work"
  mkdir -p "$dir"
  cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>$artifact</artifactId>
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
  local n v p
  for n in $(seq 1 999); do
    v=$(printf %03d "$n"); p=$([ "$n" = 1 ] && echo none || printf %03d $((n - 1)))
    printf -- '-- revision: %s\n-- down_revision: %s\n-- message: Add table t%s\n\nCREATE TABLE t%s (\n    id BIGINT NOT NULL,\n    name VARCHAR(255),\n    CONSTRAINT pk_t%s PRIMARY KEY (id)\n);\n\n/* qalab:downgrade\nDROP TABLE t%s;\n*/\n' \
      "$v" "$p" "$v" "$v" "$v" "$v" > "$dir/${v}_add_table_t$v.sql"
  done
}
