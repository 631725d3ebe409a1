def log = new File(basedir, "build.log").getText("UTF-8")
// a convention failure is a clear build failure, never a crash
assert !log.contains("Execution failed") && !log.contains("Execution default-cli")
// (the resolver may print checksum warnings with stack traces while it fills the IT repository: not ours)
assert !(log =~ /(?m)^\s+at io\.github\.qalab\./) : "stack trace from the plugin in build.log"

assert log.contains("Invalid <rules> configuration: unknown rule id 'QL070': the rules are QL001, QL002")
