def log = new File(basedir, "build.log").getText("UTF-8")
// a convention failure is a clear build failure, never a crash
assert !log.contains("Execution failed") && !log.contains("Execution default-cli")
// (the resolver may print checksum warnings with stack traces while it fills the IT repository: not ours)
assert !(log =~ /(?m)^\s+at io\.github\.qalab\./) : "stack trace from the plugin in build.log"

assert log.contains("qalab:verify")
assert log.contains("Checks the migration files without any database server: the qalab convention")
for (p in ["locations", "rules", "skip", "checkDrift", "dialect", "lint", "sarif"]) {
    assert log =~ /(?m)^\s+$p\b/ : "parameter $p is not listed"
}
assert log.contains("User property: qalab.locations")
assert log.contains("BUILD SUCCESS")
