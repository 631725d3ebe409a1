#!/usr/bin/env bash
# Measures EntityScanner + EntitySchemaBuilder on N generated entities (default 500), 5 runs, prints the median.
# Usage: bench/entity-scan.sh [entities]   (after `mvn -o -q compile`)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-500}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/src/com/example/gen"
for i in $(seq 1 "$N"); do
  prev=$(( i > 1 ? i - 1 : 1 ))
  cat > "$WORK/src/com/example/gen/Entity$i.java" <<JAVA
package com.example.gen;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.LocalDateTime;

@Entity
@Table(indexes = @Index(columnList = "name"))
public class Entity$i {
    @Id @GeneratedValue private Long id;
    @Column(nullable = false, length = 120) private String name;
    private BigDecimal amount;
    private LocalDateTime createdAt;
    @Enumerated(EnumType.STRING) private State state;
    @ManyToOne private Entity$prev parent;
    public enum State { NEW, DONE }
}
JAVA
done
CP="target/classes:$(ls ~/.m2/repository/com/github/javaparser/javaparser-core/3.28.2/javaparser-core-3.28.2.jar)"
cat > "$WORK/Bench.java" <<'JAVA'
import io.github.qalab.entity.*;
import io.github.qalab.schema.*;
import java.nio.file.Path;
import java.util.*;
public class Bench {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        List<Long> times = new ArrayList<>();
        int tables = 0;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            Schema schema = new EntitySchemaBuilder().build(new EntityScanner().scan(List.of(root), List.of()),
                    NamingStrategy.SPRING);
            times.add((System.nanoTime() - start) / 1_000_000);
            tables = schema.tables().size();
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.println("tables=" + tables + " runs(ms)=" + times + " first=" + times.get(0)
                + "ms median=" + sorted.get(2) + "ms");
    }
}
JAVA
java -cp "$CP" "$WORK/Bench.java" "$WORK/src"
