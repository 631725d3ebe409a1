// The example project as it is (its pom too, with the plugin version of this build), see ../shared/copy-example.groovy.
def root = new File(basedir, '../../..').canonicalFile
def pom = new File(root, 'examples/qa-lab-backend/pom.xml').getText('UTF-8')
def version = (new File(root, 'pom.xml').getText('UTF-8') =~ /<artifactId>qalab-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
assert pom.contains('<artifactId>qalab-maven-plugin</artifactId>\n        <version>' + version + '</version>') :
        'the example pins the plugin at the version being built'
new File(basedir, 'pom.xml').setText(pom, 'UTF-8')
def shared = new File(root, 'src/it/shared/copy-example.groovy')
return new GroovyShell(new Binding([basedir: basedir, sum: true])).evaluate(shared)
