package io.github.qalab.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of one run (passwords, and the secret parts of JDBC URLs) and the masking that every text passes through
 * before anyone sees it: each occurrence of a whole secret becomes {@value #MASK}, wherever it is (a URL, a driver's
 * message, JSON), but never letters inside another word, so a password {@code e} leaves "Cannot connect" alone.
 *
 * <p>Secrets inside a JDBC URL are cut by the URL's own grammar, so that a value holding {@code , ) ' " @ /} or a
 * space is masked whole: the userinfo {@code //user:secret@host} up to the last {@code @} of the authority, and a
 * parameter whose name holds {@code password}, {@code pwd}, {@code passwd}, {@code secret}, {@code token} or
 * {@code credential} up to the separator that precedes it ({@code &} after {@code ?} or {@code &}, {@code ;} after
 * {@code ;} as in H2 and SQL Server URLs, {@code )} inside MariaDB's {@code address=(...)}).
 */
public final class SecretMask {

    /** What replaces a secret. */
    public static final String MASK = "****";

    /** No secrets: masks only what looks like a secret parameter. */
    public static final SecretMask NONE = new SecretMask(List.of());

    private static final String SECRET_KEY = "[A-Za-z0-9_.-]*(?i:password|passwd|pwd|secret|token|credential)"
            + "[A-Za-z0-9_.-]*";

    /** A secret parameter in a known URL: the separator before it decides where its value ends. */
    private static final Pattern URL_PARAMETER = Pattern.compile("([?&;(])\\s*" + SECRET_KEY + "\\s*=");

    /** A secret-looking parameter in any text (a URL the run does not know, e.g. in a driver's message). */
    private static final Pattern TEXT_PARAMETER = Pattern.compile("(?<![A-Za-z0-9])(" + SECRET_KEY + ")=([^&;\\s]+)");

    /** Punctuation a secret-looking value in free text probably does not own (it closes the sentence around it). */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[)'\",.\\]]+$");

    private final List<String> secrets;

    private SecretMask(Collection<String> secrets) {
        Set<String> unique = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank() && !secret.equals(MASK)) {
                unique.add(secret);
                unique.addAll(fragments(secret));
            }
        }
        List<String> ordered = new ArrayList<>(unique);
        ordered.sort(Comparator.comparingInt(String::length).reversed()); // a longer secret may contain a shorter one
        this.secrets = List.copyOf(ordered);
    }

    /** A mask for these passwords (blank ones are ignored). */
    public static SecretMask of(Collection<String> passwords) {
        return new SecretMask(passwords);
    }

    /** This mask plus the given passwords. */
    public SecretMask withPasswords(String... passwords) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(java.util.Arrays.asList(passwords));
        return new SecretMask(all);
    }

    /** This mask plus the secret parts of a JDBC URL (see the class comment); a blank URL adds nothing. */
    public SecretMask withUrl(String url) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(secretsOf(url));
        return new SecretMask(all);
    }

    /** True when the mask knows no secret at all. */
    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The text with every whole secret, and every value of a secret-looking parameter, replaced by {@value #MASK}. */
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        for (String secret : secrets) {
            out = replaceWhole(out, secret);
        }
        Matcher m = TEXT_PARAMETER.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            Matcher trailing = TRAILING_PUNCTUATION.matcher(value);
            String kept = trailing.find() ? trailing.group() : "";
            String masked = value.equals(MASK) || value.startsWith(MASK) ? value : MASK + kept;
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + "=" + masked));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The secret parts of a JDBC URL, each also URL-decoded when that differs (a driver may echo either). */
    static List<String> secretsOf(String url) {
        List<String> found = new ArrayList<>();
        if (url == null || url.isBlank()) {
            return found;
        }
        int authority = url.indexOf("//");
        if (authority >= 0) {
            int query = url.indexOf('?', authority + 2);
            String region = url.substring(authority + 2, query < 0 ? url.length() : query);
            int at = region.lastIndexOf('@');
            int colon = at < 0 ? -1 : region.indexOf(':');
            if (colon >= 0 && colon < at) {
                found.add(region.substring(colon + 1, at));
            }
        }
        Matcher m = URL_PARAMETER.matcher(url);
        while (m.find()) {
            char separator = switch (m.group(1).charAt(0)) {
                case '(' -> ')';
                case ';' -> ';';
                default -> '&';
            };
            int end = url.indexOf(separator, m.end());
            found.add(url.substring(m.end(), end < 0 ? url.length() : end));
        }
        List<String> withDecoded = new ArrayList<>(found);
        for (String secret : found) {
            try {
                String decoded = URLDecoder.decode(secret, StandardCharsets.UTF_8);
                if (!decoded.equals(secret)) {
                    withDecoded.add(decoded);
                }
            } catch (IllegalArgumentException e) {
                // not percent-encoded after all
            }
        }
        withDecoded.removeIf(String::isBlank);
        return withDecoded;
    }

    /**
     * The pieces a driver may echo when it cuts a secret the way it cuts URLs: every run of consecutive parts between
     * {@code @ / : ? & ; ,} (e.g. {@code Env)Se@cr} of {@code Env)Se@cr/t}), three characters or longer.
     */
    private static List<String> fragments(String secret) {
        List<String> parts = new ArrayList<>();
        List<Integer> cuts = new ArrayList<>();
        cuts.add(-1);
        for (int i = 0; i < secret.length(); i++) {
            if ("@/:?&;,".indexOf(secret.charAt(i)) >= 0) {
                cuts.add(i);
            }
        }
        cuts.add(secret.length());
        for (int from = 0; from < cuts.size() - 1; from++) {
            for (int to = from + 1; to < cuts.size(); to++) {
                String run = secret.substring(cuts.get(from) + 1, cuts.get(to));
                if (run.length() >= 3 && !run.equals(secret)) {
                    parts.add(run);
                }
            }
        }
        return parts;
    }

    /** Replaces each occurrence of {@code secret} that is not glued to letters or digits of another word. */
    private static String replaceWhole(String text, String secret) {
        int at = text.indexOf(secret);
        if (at < 0) {
            return text;
        }
        boolean wordStart = Character.isLetterOrDigit(secret.charAt(0));
        boolean wordEnd = Character.isLetterOrDigit(secret.charAt(secret.length() - 1));
        StringBuilder sb = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            int end = at + secret.length();
            boolean gluedBefore = wordStart && at > 0 && Character.isLetterOrDigit(text.charAt(at - 1));
            boolean gluedAfter = wordEnd && end < text.length() && Character.isLetterOrDigit(text.charAt(end));
            if (gluedBefore || gluedAfter) {
                at = text.indexOf(secret, at + 1);
                continue;
            }
            sb.append(text, from, at).append(MASK);
            from = end;
            at = text.indexOf(secret, end);
        }
        return sb.append(text, from, text.length()).toString();
    }
}
