package dev.crossbuild.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts each target's outputs on the project's classpath under {@code <path>/<classifier>/}, so that the
 * jar packs the native libraries of every platform (a JNI library's multi-arch jar) and a loader picks one
 * by {@code os.name} and {@code os.arch}.
 */
public final class NativeResources {

  private NativeResources() {}

  /**
   * Copies the outputs of every successful target.
   *
   * @param classesDir the project's output directory ({@code target/classes})
   * @param path the resource path inside the jar, e.g. {@code META-INF/native}
   * @return the resource paths written, relative to {@code classesDir}, sorted
   */
  public static List<String> copy(List<TargetResult> results, Path classesDir, String path) throws IOException {
    String clean = cleanPath(path);
    List<String> written = new ArrayList<>();
    for (TargetResult r : results) {
      if (r.failed() || r.outputDir() == null || !Files.isDirectory(r.outputDir())) {
        continue;
      }
      Path dir = classesDir.resolve(clean).resolve(r.planned().target().classifier());
      deleteTree(dir); // a library removed from the build must not linger in the jar
      List<Path> files;
      try (Stream<Path> walk = Files.walk(r.outputDir())) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        Path to = dir.resolve(r.outputDir().relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        written.add(classesDir.relativize(to).toString().replace('\\', '/'));
      }
    }
    return written.stream().sorted().toList();
  }

  /**
   * The resource path without leading or trailing slashes.
   *
   * @throws IllegalArgumentException when it is empty or leaves the classes directory
   */
  static String cleanPath(String path) {
    String clean = path.strip().replaceAll("^/+|/+$", "");
    if (clean.isEmpty() || clean.contains("..") || clean.contains("\\")) {
      throw new IllegalArgumentException("'" + path + "' is not a resource path like META-INF/native");
    }
    return clean;
  }

  private static void deleteTree(Path dir) throws IOException {
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
