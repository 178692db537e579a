package dev.crossbuild.stage;

import dev.crossbuild.audit.BinaryInfo;
import dev.crossbuild.audit.LibraryPackages;
import dev.crossbuild.audit.NeededCheck;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.RunResult;
import dev.crossbuild.target.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The shared libraries a target's outputs need that the archive does not ship and a bare system
 * does not have ({@link NeededCheck}), each with the Debian package that provided it in the build
 * image: asked of that image's dpkg only when there is such a library, so a clean build costs
 * nothing.
 */
final class NeededLibraries {

  private NeededLibraries() {}

  /** The unlisted libraries of the outputs under {@code outDir}. */
  static List<NeededCheck.Unlisted> of(List<BinaryInfo> binaries, Path outDir) {
    Set<String> shipped = new TreeSet<>();
    try (Stream<Path> files = Files.walk(outDir)) {
      files.filter(f -> !f.equals(outDir)).forEach(f -> shipped.add(f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the outputs in " + outDir, e);
    }
    return NeededCheck.unlisted(binaries, shipped);
  }

  /**
   * Which Debian package of {@code image} holds each library: {@code dpkg -S} in a short-lived
   * container, kept to the target's multiarch directory ({@code aarch64-linux-gnu}) when it has
   * one. An image without dpkg, or a library no package holds, leaves it out of the map. A deps
   * image never changes under its tag (the tag holds its key), so the answer is kept in {@code
   * known} (one {@code library=package} line each, {@code -} for none) and the next build of the
   * same image asks nothing.
   */
  static Map<String, String> packages(
      ContainerEngine engine,
      String image,
      Platform platform,
      List<NeededCheck.Unlisted> unlisted,
      String multiarch,
      Map<String, String> labels,
      Path known) {
    Set<String> libraries = new LinkedHashSet<>();
    unlisted.forEach(u -> libraries.add(u.library()));
    Map<String, String> remembered = read(known);
    if (remembered.keySet().containsAll(libraries)) {
      Map<String, String> found = new TreeMap<>(remembered);
      found.values().removeIf(NONE::equals);
      return found;
    }
    Map<String, String> found = lookUp(engine, image, platform, libraries, multiarch, labels);
    Map<String, String> lines = new TreeMap<>(remembered);
    libraries.forEach(l -> lines.put(l, found.getOrDefault(l, NONE)));
    try {
      Files.createDirectories(known.getParent());
      Files.write(
          known, lines.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    } catch (IOException e) {
      // only a cache: the next build asks dpkg again
    }
    return found;
  }

  /** In the file of known packages: no Debian package holds the library. */
  private static final String NONE = "-";

  private static Map<String, String> read(Path known) {
    Map<String, String> map = new TreeMap<>();
    if (!Files.isRegularFile(known)) {
      return map;
    }
    try {
      for (String line : Files.readAllLines(known)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          map.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      map.clear(); // unreadable: ask dpkg again
    }
    return map;
  }

  private static Map<String, String> lookUp(
      ContainerEngine engine,
      String image,
      Platform platform,
      Set<String> libraries,
      String multiarch,
      Map<String, String> labels) {
    List<String> command = new ArrayList<>(List.of("dpkg", "-S"));
    libraries.forEach(l -> command.add("*/" + l));
    try {
      // dpkg -S exits 1 when one pattern matches nothing; what it found is still printed.
      RunResult result = engine.run(image, platform, command, labels);
      return LibraryPackages.parse(result.output(), multiarch);
    } catch (EngineException e) {
      return Map.of();
    }
  }

  /** The sentence for one library, worded the same whether it warns or fails. */
  static String message(NeededCheck.Unlisted u, Map<String, String> packages, String triple) {
    return u.path()
        + " needs "
        + LibraryPackages.describe(u.library(), packages)
        + ", which is neither in the archive nor a system library every Linux has: "
        + u.path()
        + " loads only where it is installed (distroless, scratch and slim images lack it)."
        + " Ship it in <artifacts>, link it statically, or build for "
        + triple
        + " with <neededLibraries>ignore</neededLibraries> (-Dcross.neededLibraries) if your users"
        + " always have it.";
  }
}
