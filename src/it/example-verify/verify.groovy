def log = new File(basedir, 'build.log').text
assert log.contains('2 migrations, 001 → 002, chain OK')
// verify (validate) leaves drift to qalab:drift (process-classes), which reads the compiled classes with Hibernate
assert log.contains('Drift: checked by qalab:drift once the classes are compiled')
assert log =~ /Drift: Hibernate 7\.\d+\.\d+\.Final \(org\.hibernate\.dialect\.PostgreSQLDialect 15\.0\), 2 entity classes compared with 2 replayed migrations, in sync/
assert !log.contains('[WARNING]')
assert log.contains('maven-compiler-plugin:3.14.0:compile')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/classes/io/github/qalab/example/model/Project.class').isFile()
assert new File(basedir, 'target/qa-lab-backend-0.1.0-SNAPSHOT.jar').isFile()
return true
