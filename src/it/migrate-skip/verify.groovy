def log = new File(basedir, 'build.log').text
assert log.count('qalab: skipped (qalab.skip=true)') == 3
assert !new File(basedir, 'target/qalab').exists()
return true
