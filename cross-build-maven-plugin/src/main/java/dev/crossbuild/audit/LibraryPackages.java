package dev.crossbuild.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which Debian package of the build image provides each shared library, read from the output of
 * {@code dpkg -S} asked for every lib*.so* file, so that a library an archive needs but does not
 * ship can be named with the package that provides it.
 */
public final class LibraryPackages {

  private static final String SEPARATOR = ": ";

  private LibraryPackages() {}

  /**
   * Maps each library file name to the package that provides it.
   *
   * <p>Lines look like {@code zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1}. Lines whose file name
   * has no ".so" (directories, which several packages share), dpkg's diversion lines and anything
   * else not of that form are skipped.
   *
   * @param dpkgOutput the output of {@code dpkg -S}
   * @param multiarchDir keep only files directly in a directory of this name, e.g.
   *     "x86_64-linux-gnu", so that the libraries of other architectures installed for
   *     cross-building do not answer; {@code null} keeps all
   * @return library file name (e.g. libz.so.1) to package name without its architecture (e.g.
   *     zlib1g); when several packages provide the same name, the first listed
   */
  public static Map<String, String> parse(String dpkgOutput, String multiarchDir) {
    Map<String, String> packages = new LinkedHashMap<>();
    for (String line : dpkgOutput.lines().toList()) {
      int separator = line.indexOf(SEPARATOR);
      if (separator < 0 || line.startsWith("diversion by ") || line.startsWith("local diversion")) {
        continue;
      }
      String path = line.substring(separator + SEPARATOR.length()).trim();
      int slash = path.lastIndexOf('/');
      if (!path.startsWith("/") || slash < 0) {
        continue;
      }
      String name = path.substring(slash + 1);
      String directory = path.substring(path.lastIndexOf('/', slash - 1) + 1, slash);
      if (!name.contains(".so") || multiarchDir != null && !multiarchDir.equals(directory)) {
        continue;
      }
      // "pkg:arch" or, for a file of several packages, "pkg1:arch, pkg2:arch": the first package.
      String owner = line.substring(0, separator).split(",", 2)[0].trim();
      int colon = owner.indexOf(':');
      packages.putIfAbsent(name, colon < 0 ? owner : owner.substring(0, colon));
    }
    return Map.copyOf(packages);
  }

  /**
   * E.g. {@code libz.so.1 (Debian package zlib1g)}, or {@code libz.so.1 (no Debian package in the
   * build image provides it)}.
   *
   * @param library the library file name
   * @param packages the result of {@link #parse}
   */
  public static String describe(String library, Map<String, String> packages) {
    String owner = packages.get(library);
    return owner == null
        ? library + " (no Debian package in the build image provides it)"
        : library + " (Debian package " + owner + ")";
  }
}
