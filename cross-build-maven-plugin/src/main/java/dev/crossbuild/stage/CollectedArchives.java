package dev.crossbuild.stage;

import dev.crossbuild.actions.runners.ArchiveFormat;
import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.ResourcePath;
import dev.crossbuild.config.TargetRequest;
import dev.crossbuild.engine.SafeTarExtractor;
import dev.crossbuild.target.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The targets' archives built elsewhere (the workflow's build legs) and downloaded into the output
 * directory: found and checked for every configured target, and unpacked into the classes directory
 * for a multi-platform jar. Unpacking goes through {@link SafeTarExtractor}, the extractor of the
 * build's own outputs.
 */
public final class CollectedArchives {

  /** Largest total size of one archive's files. */
  static final long MAX_BYTES = StagedBuild.MAX_OUTPUT_BYTES;

  /** One target's archive. */
  public record Collected(Target target, Path archive, ArchiveFormat format) {}

  /**
   * Some targets' archives are missing, of another version, or there twice; the message lists every
   * problem.
   */
  public static final class CollectException extends IOException {
    private final List<String> problems;

    CollectException(List<String> problems, Path dir) {
      super(
          problems.size()
              + " problem(s) with the archives in "
              + dir
              + ":\n"
              + String.join("\n", problems.stream().map(p -> "  - " + p).toList()));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private CollectedArchives() {}

  /**
   * The archive of every configured target, in target order.
   *
   * @throws CollectException listing every target whose archive is missing, of another version than
   *     the project, or there more than once
   */
  public static List<Collected> find(CrossConfig config) throws IOException {
    Path dir = config.outputDir();
    List<Path> files;
    if (Files.isDirectory(dir)) {
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(Files::isRegularFile).sorted().toList();
      }
    } else {
      files = List.of();
    }
    List<String> problems = new ArrayList<>();
    List<Collected> found = new ArrayList<>();
    String prefix = config.artifactId() + "-";
    for (TargetRequest request : config.targets()) {
      Target target = request.target();
      String classifier = target.classifier();
      Path expected = Archives.archiveOf(config, target);
      List<Path> candidates =
          files.stream()
              .filter(
                  f -> {
                    String name = f.getFileName().toString();
                    ArchiveFormat format = ArchiveFormat.forFileName(name);
                    return format != null
                        && name.startsWith(prefix)
                        && name.endsWith("-" + classifier + format.extension())
                        && name.length()
                            > prefix.length()
                                + classifier.length()
                                + 1
                                + format.extension().length();
                  })
              .toList();
      List<Path> ours = candidates.stream().filter(f -> f.equals(expected)).toList();
      List<Path> others = candidates.stream().filter(f -> !f.equals(expected)).toList();
      if (candidates.size() > 1) {
        problems.add(
            "Target "
                + target.triple().value()
                + " ("
                + classifier
                + ") has "
                + candidates.size()
                + " archives: "
                + String.join(
                    ", ", candidates.stream().map(f -> f.getFileName().toString()).toList())
                + ". Keep only "
                + expected.getFileName()
                + ".");
      } else if (ours.isEmpty() && !others.isEmpty()) {
        String name = others.get(0).getFileName().toString();
        ArchiveFormat format = ArchiveFormat.forFileName(name);
        String version =
            name.substring(
                prefix.length(),
                name.length() - classifier.length() - 1 - format.extension().length());
        problems.add(
            "Target "
                + target.triple().value()
                + ": "
                + name
                + " is of version "
                + version
                + ", but the project is "
                + config.version()
                + " (expected "
                + expected.getFileName()
                + "). Collect the archives of the same commit, or set the project's version to "
                + version
                + ".");
      } else if (ours.isEmpty()) {
        problems.add(
            "Target "
                + target.triple().value()
                + ": no "
                + expected.getFileName()
                + ". Download the"
                + " build legs' archives into "
                + dir
                + " first (the generated workflow's package job does), or"
                + " build the target here with cross:build.");
      } else {
        found.add(
            new Collected(
                target, expected, ArchiveFormat.forFileName(expected.getFileName().toString())));
      }
    }
    if (!problems.isEmpty()) {
      throw new CollectException(problems, dir);
    }
    return found;
  }

  /**
   * Unpacks each archive into {@code <classesDir>/<resourcePath>/<classifier>/} (or the target's
   * own {@code <nativeResourceDir>} in {@code ownDirs}, triple -> clean path), replacing what was
   * there.
   *
   * @return the resource paths written, relative to {@code classesDir}, sorted
   */
  public static List<String> unpack(
      List<Collected> archives, Path classesDir, String resourcePath, Map<String, String> ownDirs)
      throws IOException {
    String clean = ResourcePath.clean(resourcePath);
    List<String> written = new ArrayList<>();
    for (Collected c : archives) {
      Path dir = NativeResources.dirOf(classesDir, clean, ownDirs, c.target());
      if (c.format() == ArchiveFormat.ZIP) {
        Path tar =
            Files.createTempFile(c.archive().toAbsolutePath().getParent(), ".collect-", ".tar");
        try {
          zipToTar(c.archive(), tar);
          try (InputStream in = Files.newInputStream(tar)) {
            SafeTarExtractor.extract(in, dir, 0, MAX_BYTES);
          }
        } finally {
          Files.deleteIfExists(tar);
        }
      } else {
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(c.archive()))) {
          SafeTarExtractor.extract(in, dir, 0, MAX_BYTES);
        }
      }
      for (TargetResult.OutputFile f : Archives.list(dir)) {
        written.add(classesDir.relativize(dir.resolve(f.path())).toString().replace('\\', '/'));
      }
    }
    return written.stream().sorted().toList();
  }

  /** The same entries as a tar, so that one extractor checks both formats. */
  private static void zipToTar(Path zip, Path tar) throws IOException {
    try (ZipFile in = ZipFile.builder().setPath(zip).get();
        OutputStream out = Files.newOutputStream(tar);
        TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (ZipArchiveEntry e : java.util.Collections.list(in.getEntries())) {
        if (e.isUnixSymlink()) {
          TarArchiveEntry link = new TarArchiveEntry(e.getName(), TarArchiveEntry.LF_SYMLINK);
          link.setLinkName(in.getUnixSymlink(e));
          t.putArchiveEntry(link);
          t.closeArchiveEntry();
          continue;
        }
        TarArchiveEntry entry = new TarArchiveEntry(e.getName());
        int mode = e.getUnixMode() & 07777;
        if (e.isDirectory()) {
          entry.setMode(040000 | (mode == 0 ? 0755 : mode));
          t.putArchiveEntry(entry);
        } else {
          entry.setMode(0100000 | (mode == 0 ? 0644 : mode));
          entry.setSize(e.getSize());
          t.putArchiveEntry(entry);
          try (InputStream data = in.getInputStream(e)) {
            data.transferTo(t);
          }
        }
        t.closeArchiveEntry();
      }
    }
  }
}
