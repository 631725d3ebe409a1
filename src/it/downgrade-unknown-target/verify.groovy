def log = new File(basedir, 'build.log').text
assert log.contains('Unknown downgrade target 042: no migration has that number (applied: 001, 002)')
return true
