def log = new File(basedir, "build.log").getText("UTF-8")
// a convention failure is a clear build failure, never a crash
assert !log.contains("Execution failed") && !log.contains("Execution default-cli")
// (the resolver may print checksum warnings with stack traces while it fills the IT repository: not ours)
assert !(log =~ /(?m)^\s+at io\.github\.qalab\./) : "stack trace from the plugin in build.log"

assert log.contains("[ERROR] src/main/resources/db/migration/002_add_project.sql:1: QL002 -- revision: 003 does not match the file's number 002")
assert log.contains("1 violation in 1 file")
