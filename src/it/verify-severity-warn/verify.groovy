def log = new File(basedir, "build.log").getText("UTF-8")
// a convention failure is a clear build failure, never a crash
assert !log.contains("Execution failed") && !log.contains("Execution default-cli")
// (the resolver may print checksum warnings with stack traces while it fills the IT repository: not ours)
assert !(log =~ /(?m)^\s+at io\.github\.qalab\./) : "stack trace from the plugin in build.log"

assert log.contains("[WARNING] src/main/resources/db/migration/002_add_project.sql:4: QL007 warning: no downgrade block")
assert log.contains("[INFO] 2 migrations, 001 \u2192 002, chain OK, 1 warning")
assert log.contains("BUILD SUCCESS")
