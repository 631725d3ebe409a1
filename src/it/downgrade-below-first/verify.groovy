def log = new File(basedir, 'build.log').text
assert log.contains('Target -3 would go below the first migration: only 2 applied (001, 002)')
assert log.contains('use -Dqalab.target=-2 or base')
return true
