// The passwords go through .mvn/maven.config (no shell quoting); the server at port 1 refuses the connection.
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = '''-Dqalab.url=jdbc:postgresql://127.0.0.1:1/app?user=app&password=Url,Se)cr@t/19&ssl=false
-Dqalab.password=Pw-Secret-91
'''
new File(basedir, 'src/main/resources/db/migration').mkdirs()
return true
