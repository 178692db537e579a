package dev.crossbuild.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the real git CLI in temporary directories, with the user's and the system's configuration
 * kept out ({@code HOME} is a temporary directory, {@code GIT_CONFIG_NOSYSTEM=1}) and a clock that
 * gives every command a later date, so commit and tag times are distinct and repeatable.
 */
final class GitCli {

  /** What a command printed and how it ended. */
  record Result(int exit, String out, String err) {}

  private static final long START = 1_700_000_000L;

  private final Path home;
  private long clock = START;

  private GitCli(Path home) {
    this.home = home;
  }

  /**
   * A git whose configuration lives in {@code home}; {@code userConfig} adds a committer identity
   * and lets {@code git submodule add} use local paths (the host side). Without it, git sees no
   * configuration at all (the container side).
   */
  static GitCli withHome(Path home, boolean userConfig) {
    try {
      Files.createDirectories(home);
      if (userConfig) {
        Files.writeString(
            home.resolve(".gitconfig"),
            "[user]\n\tname = Test\n\temail = test@example.invalid\n"
                + "[init]\n\tdefaultBranch = main\n"
                + "[protocol \"file\"]\n\tallow = always\n"
                + "[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n");
      }
      return new GitCli(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code git args...} in {@code dir}. */
  Result run(Path dir, List<String> args) {
    return run(dir, args, null);
  }

  /** Runs {@code git args...} in {@code dir}, feeding {@code stdin} when not null. */
  Result run(Path dir, List<String> args, byte[] stdin) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("GIT_"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_TERMINAL_PROMPT", "0");
    clock += 60;
    env.put("GIT_AUTHOR_DATE", clock + " +0000");
    env.put("GIT_COMMITTER_DATE", clock + " +0000");
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> err = readAsync(process.getErrorStream());
      CompletableFuture<byte[]> out = readAsync(process.getInputStream());
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      int exit = process.waitFor();
      return new Result(
          exit,
          new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code git args...} in {@code dir}; fails unless it succeeds; returns its output. */
  String git(Path dir, String... args) {
    Result result = run(dir, List.of(args));
    if (result.exit() != 0) {
      throw new IllegalStateException(
          "git " + String.join(" ", args) + " failed (" + result.exit() + "): " + result.err());
    }
    return result.out().strip();
  }

  /** A fresh repository at {@code dir} on branch {@code main}. */
  Path init(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git(dir, "init", "-q");
    return dir;
  }

  /** Writes {@code content} to {@code file} under {@code dir}, creating parent directories. */
  static Path write(Path dir, String file, String content) {
    try {
      Path path = dir.resolve(file);
      Files.createDirectories(path.getParent());
      return Files.writeString(path, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a file, stages everything and commits; returns the new HEAD. */
  String commit(Path dir, String file, String content) {
    write(dir, file, content);
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "change " + file);
    return git(dir, "rev-parse", "HEAD");
  }

  private static CompletableFuture<byte[]> readAsync(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
