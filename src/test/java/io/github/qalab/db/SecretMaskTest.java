package io.github.qalab.db;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretMaskTest {

    /** Every URL form a password can take, with characters that stopped the old masking half way. */
    @Test
    void aSecretInAnyUrlFormIsMaskedWhole() {
        String hard = "p,a)s's\"w o@r/d;x";
        List<String> urls = List.of(
                "jdbc:postgresql://db:5432/app?user=app&password=" + hard.replace("&", "") + "&ssl=true",
                "jdbc:postgresql://db/app?ssl=true&sslpassword=" + hard,
                "jdbc:mariadb://app:" + hard + "@db:3306/app",
                "jdbc:mariadb://address=(host=db)(port=3306)(password=" + hard.replace(")", "") + ")/app",
                "jdbc:h2:tcp://db/app;USER=sa;PASSWORD=" + hard.replace(";", "") + ";MODE=PostgreSQL",
                "jdbc:sqlserver://db;user=app;Pwd=" + hard.replace(";", "") + ";encrypt=true",
                "jdbc:mysql://db/app?user=app&password=" + java.net.URLEncoder.encode(hard,
                        java.nio.charset.StandardCharsets.UTF_8));
        for (String url : urls) {
            SecretMask mask = SecretMask.NONE.withUrl(url);
            String masked = mask.apply("cannot connect to " + url + " (\"" + url + "\")");
            assertFalse(masked.contains("w o@r") || masked.contains("o@r") || masked.contains("r/d"),
                    url + " -> " + masked);
            assertTrue(masked.contains(SecretMask.MASK), masked);
        }
        // a driver that echoes the decoded password is masked too
        String encoded = "jdbc:postgresql://db/app?password=p%40ss%2Fw0rd";
        assertEquals("login p**** failed".replace("p****", SecretMask.MASK),
                SecretMask.NONE.withUrl(encoded).apply("login p@ss/w0rd failed"));
    }

    @Test
    void aPieceOfASecretThatADriverCutAtAUrlDelimiterIsMaskedToo() {
        // MariaDB's driver reads //root:Env)Se@cr/t@host as host root, port "Env)Se@cr" and says so
        SecretMask mask = SecretMask.NONE.withUrl("jdbc:mariadb://root:Env)Se@cr/t@127.0.0.1:1/app");
        assertEquals("Incorrect port value : ****", mask.apply("Incorrect port value : Env)Se@cr"));
        assertEquals("a crt t", mask.apply("a crt t"), "pieces shorter than three characters stay");
    }

    @Test
    void aShortPasswordMasksWholeValuesNeverLettersInsideOtherWords() {
        SecretMask mask = SecretMask.of(List.of("e", "se"));
        assertEquals("Cannot connect to the server: password ****, user ****",
                mask.apply("Cannot connect to the server: password e, user se"));
        assertEquals("jdbc:postgresql://h/db?password=****&ssl=true",
                mask.apply("jdbc:postgresql://h/db?password=e&ssl=true"));
    }

    @Test
    void secretLookingParametersInUnknownTextAreMaskedAndJsonStaysJson() {
        SecretMask none = SecretMask.NONE;
        assertEquals("url jdbc:x://h/d?token=****&a=b (password=****).",
                none.apply("url jdbc:x://h/d?token=abc123&a=b (password=xyz)."));
        SecretMask mask = SecretMask.of(List.of("s3\"cret"));
        assertEquals("{\"database\":\"jdbc:h2:mem:x;PASSWORD=****\"}",
                mask.apply("{\"database\":\"jdbc:h2:mem:x;PASSWORD=s3\"cret\"}"));
        assertEquals("nothing to hide here", mask.apply("nothing to hide here"));
    }
}
