// Loads the PostgreSQL driver that the plugin itself depends on, from the invoker's local repository (shared by the ITs on PostgreSQL).
import java.sql.Connection
import java.sql.Driver

class PgDriver {
    static Connection connect(File localRepo, String database) {
        def versions = new File(localRepo, 'org/postgresql/postgresql').listFiles()
        def jar = versions?.collect { new File(it, "postgresql-${it.name}.jar") }?.find { it.isFile() }
        if (jar == null) {
            throw new IllegalStateException("no PostgreSQL driver in ${localRepo}")
        }
        def loader = new URLClassLoader([jar.toURI().toURL()] as URL[], PgDriver.classLoader)
        Driver driver = (Driver) loader.loadClass('org.postgresql.Driver').getDeclaredConstructor().newInstance()
        def props = new Properties()
        props.setProperty('user', 'postgres')
        props.setProperty('connectTimeout', '5')
        return driver.connect("jdbc:postgresql://127.0.0.1:5432/${database}", props)
    }
}
