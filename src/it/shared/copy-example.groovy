// Shared by the ITs that start from the example project (examples/qa-lab-backend), evaluated by their setup.groovy:
// copies the example's entities and migrations into the IT's clone so that the ITs follow the example, then adds
// the seed guide's Account entity when asked. Files the IT holds itself are never overwritten.
//
// Binding: basedir (the IT's clone), exclude (file names not to copy), account (true to add Account.java),
//          sum (true to copy the example's qalab.sum as well).
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path root = basedir.toPath().resolve('../../..').normalize()
Path example = root.resolve('examples/qa-lab-backend/src')
Set<String> skip = (binding.hasVariable('exclude') ? exclude : []) as Set
boolean withSum = binding.hasVariable('sum') && sum

Files.walk(example).filter { Files.isRegularFile(it) }.each { Path source ->
    String name = source.fileName.toString()
    if (name in skip || (name == 'qalab.sum' && !withSum)) {
        return
    }
    Path target = basedir.toPath().resolve('src').resolve(example.relativize(source).toString())
    if (!Files.exists(target)) {
        Files.createDirectories(target.parent)
        Files.copy(source, target)
    }
}
if (binding.hasVariable('account') && account) {
    Path target = basedir.toPath().resolve('src/main/java/io/github/qalab/example/model/Account.java')
    Files.createDirectories(target.parent)
    Files.copy(root.resolve('src/it/shared/Account.java'), target, StandardCopyOption.REPLACE_EXISTING)
}
return true
