// Start from the example project's entities and migrations (see ../shared/copy-example.groovy).
def shared = new File(basedir, '../../../src/it/shared/copy-example.groovy')
return new GroovyShell(new Binding([basedir: basedir])).evaluate(shared)
