package dev.crossbuild.stage;

import dev.crossbuild.config.ResourcePath;
import dev.crossbuild.target.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts each target's outputs on the project's classpath under {@code <path>/<classifier>/} (or the
 * target's own {@code <nativeResourceDir>}), so that the jar packs the native libraries of every
 * platform (a JNI library's multi-arch jar) and a loader picks one by {@code os.name} and {@code
 * os.arch}.
 */
public final class NativeResources {

  private NativeResources() {}

  /**
   * Copies the outputs of every successful target.
   *
   * @param classesDir the project's output directory ({@code target/classes})
   * @param path the resource path inside the jar, e.g. {@code META-INF/native}
   * @param ownDirs per-target {@code <nativeResourceDir>} (triple -> clean path), used instead of
   *     {@code path/<classifier>}
   * @return the resource paths written, relative to {@code classesDir}, sorted
   * @throws IllegalArgumentException when {@code path} is not a relative path inside the jar
   */
  public static List<String> copy(
      List<TargetResult> results, Path classesDir, String path, Map<String, String> ownDirs)
      throws IOException {
    String clean = ResourcePath.clean(path);
    List<String> written = new ArrayList<>();
    for (TargetResult r : results) {
      if (r.failed() || r.outputDir() == null || !Files.isDirectory(r.outputDir())) {
        continue;
      }
      Path dir = dirOf(classesDir, clean, ownDirs, r.planned().target());
      deleteTree(dir); // a library removed from the build must not linger in the jar
      List<Path> files;
      try (Stream<Path> walk = Files.walk(r.outputDir())) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        Path to = dir.resolve(r.outputDir().relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(
            file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        written.add(classesDir.relativize(to).toString().replace('\\', '/'));
      }
    }
    return written.stream().sorted().toList();
  }

  /**
   * Where a target's outputs go in the classes: its own {@code <nativeResourceDir>}, else {@code
   * path/<classifier>}.
   */
  static Path dirOf(Path classesDir, String cleanPath, Map<String, String> ownDirs, Target target) {
    String own = ownDirs.get(target.triple().value());
    return own != null
        ? classesDir.resolve(own)
        : classesDir.resolve(cleanPath).resolve(target.classifier());
  }

  /** Deletes a directory and everything in it; nothing when it does not exist. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
