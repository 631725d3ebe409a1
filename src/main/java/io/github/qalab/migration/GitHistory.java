package io.github.qalab.migration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The little that qalab asks git, through the {@code git} command: when a file was last committed, and a file's
 * content at another revision. Every answer is empty when git is not installed, the folder is no work tree, or the
 * file is not committed; callers say what they fall back to.
 *
 * @param workDir the directory git runs in (any folder inside the work tree)
 */
public record GitHistory(Path workDir) {

    /** The raw result of one git call. */
    private record Result(int exit, String out) {
    }

    /** True when git runs and {@code workDir} lies in a work tree. */
    public boolean available() {
        return run("rev-parse", "--is-inside-work-tree").map(r -> r.exit() == 0 && r.out().strip().equals("true"))
                .orElse(false);
    }

    /**
     * The committer time of the last commit that touched the file ({@code git log -1 --format=%ct -- file}), in
     * seconds since the epoch (during an unfinished merge, the commit on {@code MERGE_HEAD} for an incoming file);
     * empty for a file that was never committed (or without git).
     */
    public Optional<Long> commitTime(Path file) {
        Optional<Long> onHead = run("log", "-1", "--format=%ct", "--", file.toAbsolutePath().toString())
                .filter(r -> r.exit() == 0 && !r.out().isBlank())
                .map(r -> Long.parseLong(r.out().strip()));
        if (onHead.isPresent()) {
            return onHead;
        }
        // in the middle of a merge (qalab.sum conflicted, not committed yet) the incoming files are committed on
        // MERGE_HEAD only; without a merge in progress this call fails and the file counts as never committed
        return run("log", "-1", "--format=%ct", "MERGE_HEAD", "--", file.toAbsolutePath().toString())
                .filter(r -> r.exit() == 0 && !r.out().isBlank())
                .map(r -> Long.parseLong(r.out().strip()));
    }

    /** The file's text at {@code revision} ({@code git show revision:path}); empty when it did not exist there. */
    public Optional<String> show(String revision, Path file) {
        Optional<Result> top = run("rev-parse", "--show-toplevel").filter(r -> r.exit() == 0);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Path root = Path.of(top.get().out().strip());
        Path relative;
        try {
            relative = root.toRealPath().relativize(file.toAbsolutePath().getParent().toRealPath()
                    .resolve(file.getFileName()));
        } catch (IOException e) {
            return Optional.empty();
        }
        String spec = revision + ":" + relative.toString().replace('\\', '/');
        return run("show", spec).filter(r -> r.exit() == 0).map(Result::out);
    }

    private Optional<Result> run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD); // git's own messages are replaced by the caller's
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String out = read(process.getInputStream());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new Result(process.exitValue(), out));
        } catch (IOException e) {
            return Optional.empty(); // git is not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
