package io.github.qalab.migration;

import java.util.Locale;
import java.util.Optional;

/**
 * The bounds a migration file must stay within before qalab or Flyway reads it as SQL, so that no input makes a goal
 * hang or crash; a file beyond one is reported (QL008) with the line where it goes over, and never parsed further.
 *
 * <p>Where each bound comes from (measured on Flyway 13.12 and H2 2.3.232, 1 MB thread stacks):
 * <ul>
 *   <li>{@value #MAX_BYTES} bytes: the whole file is held in memory, by qalab and by Flyway; Flyway's parser cuts
 *       about 2 MB of SQL per second, and verify and generate read a migration up to three times.</li>
 *   <li>{@value #MAX_STATEMENTS} statements: Flyway's parser needs about 0.1 ms per statement; 200,000 statements
 *       took over 20 s per read.</li>
 *   <li>{@value #MAX_LEADING_COMMENTS} comments before a statement: Flyway's parser compares every further token of
 *       a statement with all comments before it (quadratic): a 50 MB file of comments never finishes, in
 *       {@code qalab:verify}, {@code qalab:migrate} and the application's own Flyway alike.</li>
 *   <li>A character outside strings and comments that Flyway's parser does not know (a zero-width space, a stray
 *       byte-order mark, a NUL): Flyway stops with "Unknown char", so migrate would fail where verify passed.</li>
 *   <li>{@value #MAX_NESTING} levels of nesting (parentheses, brackets, {@code CASE}, chained {@code NOT} and signs):
 *       H2's parser overflows its stack at about 270 nested {@code CASE} and 310 parentheses, JSqlParser earlier.</li>
 * </ul>
 */
public final class InputLimits {

    /** The largest migration file, in bytes (10 MiB). */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** The most statements one migration may hold. */
    public static final int MAX_STATEMENTS = 20_000;

    /** The most comments (each {@code --} line or {@code /* *}{@code /} block) in a row before a statement. */
    public static final int MAX_LEADING_COMMENTS = 500;

    /** The deepest nesting of expressions. */
    public static final int MAX_NESTING = 100;

    private InputLimits() {
    }

    /**
     * The first bound the SQL text goes over, as a problem for QL008 with its 1-based line; empty when it stays within
     * all of them. Linear in the text's length.
     */
    public static Optional<Exceeded> check(String text) {
        return new Scan(text).run();
    }

    /**
     * A bound that a text goes over: what, the line where it happened, and whether it is a character Flyway cannot
     * read rather than a size or depth.
     */
    public record Exceeded(String problem, int line, boolean character) {
        Exceeded(String problem, int line) {
            this(problem, line, false);
        }
    }

    /** The symbols Flyway's parser reads as tokens (13.12, {@code Parser.readToken}); any other character stops it. */
    private static final String FLYWAY_SYMBOLS = ",=*.:;[]~+-/%^|?!@$&#<>'{}\\";

    /**
     * A single pass over SQL text that knows just enough of its lexical structure (quotes, dollar quotes, comments,
     * statement ends) to measure what the limits bound; it never decides what the SQL means.
     */
    private static final class Scan {
        private final String text;
        private final int n;
        private int i;
        private int line = 1;

        private int statements;
        private boolean statementStarted;
        private int leadingComments;
        private int leadingCommentsLine;
        private int parens;
        private int cases;
        private int unaryRun;
        private boolean lastWasOperand;
        private Exceeded unclosed;

        Scan(String text) {
            this.text = text;
            this.n = text.length();
        }

        Optional<Exceeded> run() {
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                } else if (Character.isWhitespace(c) || c == '\u00A0') {
                    i++;
                } else if (c == '-' && next('-') || c == '#' && !statementStarted) {
                    if (comment()) {
                        return leadingCommentsExceeded();
                    }
                    skipTo('\n');
                } else if (c == '/' && next('*')) {
                    if (comment()) {
                        return leadingCommentsExceeded();
                    }
                    skipBlockComment();
                } else if (c == ';') {
                    i++;
                    endStatement();
                    if (statements > MAX_STATEMENTS) {
                        return Optional.of(new Exceeded("holds more than " + MAX_STATEMENTS + " statements (the"
                                + " limit is reached at line " + line + "): Flyway's parser would take minutes over"
                                + " it", line));
                    }
                } else {
                    Optional<Exceeded> nesting = token(c);
                    if (nesting.isPresent()) {
                        return nesting;
                    }
                }
            }
            if (!statementStarted && leadingComments > MAX_LEADING_COMMENTS) {
                return leadingCommentsExceeded();
            }
            return Optional.ofNullable(unclosed);
        }

        private Optional<Exceeded> token(char c) {
            if (!statementStarted) {
                statementStarted = true;
                leadingComments = 0;
            }
            if (c == '\'' || c == '"' || c == '`') {
                boolean escapes = c == '\'' && i > 0 && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(text.charAt(i - 2)));
                skipQuoted(c, escapes);
                operand();
                return Optional.empty();
            }
            if (c == '$' && dollarQuote()) {
                operand();
                return Optional.empty();
            }
            if (c == '(' || c == '[') {
                parens++;
                i++;
                lastWasOperand = false;
                return nesting();
            }
            if (c == ')' || c == ']') {
                parens = Math.max(0, parens - 1);
                i++;
                operand();
                return Optional.empty();
            }
            if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.')) {
                    i++;
                }
                String word = text.substring(start, i);
                if (word.equalsIgnoreCase("CASE")) {
                    cases++;
                    lastWasOperand = false;
                    unaryRun = 0;
                    return nesting();
                }
                if (word.equalsIgnoreCase("END") && cases > 0) {
                    cases--;
                    operand();
                    return Optional.empty();
                }
                if (word.equalsIgnoreCase("NOT")) {
                    unaryRun++;
                    lastWasOperand = false;
                    return nesting();
                }
                operand();
                return Optional.empty();
            }
            if (FLYWAY_SYMBOLS.indexOf(c) < 0) {
                String name = Character.getName(c);
                return Optional.of(new Exceeded(String.format(Locale.ROOT, "holds the character U+%04X%s at line %d"
                        + " outside any string or comment: Flyway's parser stops there (\"Unknown char\"); remove it"
                        + " or quote it", (int) c, name == null ? "" : " (" + name + ")", line), line, true));
            }
            i++;
            if ((c == '-' || c == '+' || c == '~' || c == '!') && !lastWasOperand) {
                unaryRun++;
                return nesting();
            }
            lastWasOperand = false;
            unaryRun = 0;
            return Optional.empty();
        }

        private void operand() {
            lastWasOperand = true;
            unaryRun = 0;
        }

        private Optional<Exceeded> nesting() {
            if (parens + cases + unaryRun > MAX_NESTING) {
                return Optional.of(new Exceeded("nests expressions more than " + MAX_NESTING + " levels deep at line "
                        + line + " (parentheses, CASE, NOT or signs): SQL parsers, H2's among them, overflow their"
                        + " stack on such input", line));
            }
            return Optional.empty();
        }

        /** Counts a comment; true when the comments before the current statement went over the limit. */
        private boolean comment() {
            if (statementStarted) {
                return false;
            }
            if (leadingComments == 0) {
                leadingCommentsLine = line;
            }
            leadingComments++;
            return leadingComments > MAX_LEADING_COMMENTS;
        }

        private Optional<Exceeded> leadingCommentsExceeded() {
            return Optional.of(new Exceeded("holds more than " + MAX_LEADING_COMMENTS + " comments in a row from line "
                    + leadingCommentsLine + " (each -- line or /* */ block counts): Flyway's parser slows down with"
                    + " the square of such a run and would not finish", leadingCommentsLine));
        }

        private void endStatement() {
            if (statementStarted) {
                statements++;
            }
            statementStarted = false;
            leadingComments = 0;
            parens = 0;
            cases = 0;
            unaryRun = 0;
            lastWasOperand = false;
        }

        private boolean next(char c) {
            return i + 1 < n && text.charAt(i + 1) == c;
        }

        private void skipTo(char stop) {
            while (i < n && text.charAt(i) != stop) {
                i++;
            }
        }

        private void skipBlockComment() {
            int depth = 0;
            while (i < n) {
                if (text.startsWith("/*", i)) {
                    depth++;
                    i += 2;
                } else if (text.startsWith("*/", i)) {
                    i += 2;
                    if (--depth == 0) {
                        return;
                    }
                } else {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
            }
        }

        private void skipQuoted(char quote, boolean backslashEscapes) {
            i++;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                } else if (c == '\\' && backslashEscapes && i + 1 < n) {
                    if (text.charAt(i + 1) == '\n') {
                        line++;
                    }
                    i += 2;
                    continue;
                } else if (c == quote) {
                    if (next(quote)) {
                        i += 2;
                        continue;
                    }
                    i++;
                    return;
                }
                i++;
            }
        }

        /** Skips a PostgreSQL dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}); false if none starts here. */
        private boolean dollarQuote() {
            int end = i + 1;
            while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            if (end >= n || text.charAt(end) != '$' || end > i + 1 && Character.isDigit(text.charAt(i + 1))) {
                return false;
            }
            String tag = text.substring(i, end + 1);
            int close = text.indexOf(tag, end + 1);
            if (close < 0 && unclosed == null) {
                unclosed = new Exceeded("opens a dollar-quoted string " + tag + " at line " + line + " that never"
                        + " closes: PostgreSQL and Flyway's parser would read the rest of the file, the downgrade"
                        + " block included, as one string; close it with " + tag + " or delete the stray " + tag,
                        line, true);
            }
            int stop = close < 0 ? n : close + tag.length();
            for (int k = i; k < stop; k++) {
                if (text.charAt(k) == '\n') {
                    line++;
                }
            }
            i = stop;
            return true;
        }
    }
}
