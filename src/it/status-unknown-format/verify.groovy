def log = new File(basedir, 'build.log').text
assert log.contains('qalab.format=yaml is not known')
assert log.contains('use text or json')
return true
