def log = new File(basedir, "build.log").getText("UTF-8")
// a convention failure is a clear build failure, never a crash
assert !log.contains("Execution failed") && !log.contains("Execution default-cli")
// (the resolver may print checksum warnings with stack traces while it fills the IT repository: not ours)
assert !(log =~ /(?m)^\s+at io\.github\.qalab\./) : "stack trace from the plugin in build.log"

assert log.contains("[ERROR] src/main/resources/db/migration/V3__add_account.sql:1: QL001 file name does not match NNN_description.sql")
assert log.contains("rename it to 003_add_account.sql")
assert log.contains("1 violation in 1 file")
