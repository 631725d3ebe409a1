package io.github.qalab.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        if (revision == null || revision.isBlank() || revision.startsWith("-")) {
            return Optional.empty(); // never an option for git
        }
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

    /** The default branches a feature branch is measured against, in order of preference. */
    private static final List<String> DEFAULT_BRANCHES = List.of("origin/HEAD", "origin/main", "origin/master", "main",
            "master");

    /**
     * The commit where the current branch left the default branch: {@code git merge-base HEAD <ref>} for the first of
     * origin/HEAD, origin/main, origin/master, main, master that exists; on the default branch itself, HEAD. Empty
     * without git, commits or any of these branches.
     *
     * @return the commit and the branch it was measured against
     */
    public Optional<Base> branchBase() {
        for (String ref : DEFAULT_BRANCHES) {
            Optional<String> commit = run("merge-base", "HEAD", ref).filter(r -> r.exit() == 0 && !r.out().isBlank())
                    .map(r -> r.out().strip());
            if (commit.isPresent()) {
                return Optional.of(new Base(commit.get(), ref));
            }
        }
        return Optional.empty();
    }

    /** A commit a branch is measured against, and the branch it was found through. */
    public record Base(String commit, String branch) {
        /** The commit's short form, for messages. */
        public String shortCommit() {
            return commit.length() > 10 ? commit.substring(0, 10) : commit;
        }
    }

    /** True when git ignores the path (e.g. it lies in a build folder), so that its history says nothing. */
    public boolean ignored(Path path) {
        return run("check-ignore", "-q", path.toAbsolutePath().toString()).map(r -> r.exit() == 0).orElse(false);
    }

    /**
     * The names of the files directly in {@code folder} at {@code revision} ({@code git ls-tree --name-only}); empty
     * when the folder did not exist there.
     */
    public java.util.Set<String> fileNames(String revision, Path folder) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        Optional<Result> top = run("rev-parse", "--show-toplevel").filter(r -> r.exit() == 0);
        if (top.isEmpty()) {
            return names;
        }
        String relative;
        try {
            relative = Path.of(top.get().out().strip()).toRealPath().relativize(folder.toRealPath()).toString()
                    .replace('\\', '/');
        } catch (IOException e) {
            return names;
        }
        run("ls-tree", "--name-only", revision + ":" + relative).filter(r -> r.exit() == 0)
                .ifPresent(r -> r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(names::add));
        return names;
    }

    private Optional<Result> run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD); // git's own messages are replaced by the caller's
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Path output = null;
        try {
            // git writes into a file, not a pipe: a git that hangs or floods cannot block qalab, it is cut off
            output = Files.createTempFile("qalab-git", ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (Files.size(output) > MAX_OUTPUT) {
                return Optional.empty();
            }
            return Optional.of(new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty(); // git is not installed, or its output is not text
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /** The most output qalab reads from one git call; a qalab.sum of 999 entries is about 100 KB. */
    private static final long MAX_OUTPUT = 4L * 1024 * 1024;
}
