// 999 valid migrations, the last number the NNN_description.sql convention holds.
def folder = new File(basedir, 'src/main/resources/db/migration')
folder.mkdirs()
(1..999).each { n ->
    def v = String.format('%03d', n)
    new File(folder, "${v}_create_t${v}.sql").text = "-- revision: ${v}\n-- down_revision: ${n == 1 ? 'none' : String.format('%03d', n - 1)}\n\n" +
            "CREATE TABLE t${v} (id BIGINT NOT NULL);\n\n/* qalab:downgrade\nDROP TABLE t${v};\n*/\n"
}
return true
