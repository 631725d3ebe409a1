// Start from the example project's entities, migrations and qalab.sum (see ../shared/copy-example.groovy).
def shared = new File(basedir, '../../../src/it/shared/copy-example.groovy')
return new GroovyShell(new Binding([basedir: basedir, account: true, sum: true])).evaluate(shared)
