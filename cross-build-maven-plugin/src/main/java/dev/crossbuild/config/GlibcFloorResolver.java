package dev.crossbuild.config;

import dev.crossbuild.target.DebianRelease;
import dev.crossbuild.target.DebianReleases;
import dev.crossbuild.target.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the glibc floors ({@code <glibc>}, a target's own over the plugin's) and gives each glibc
 * Linux target with one the base image of a Debian release that meets it. A target no release can
 * serve is a problem, said before anything is built.
 */
final class GlibcFloorResolver {

  /**
   * The targets, retagged where the floor asked for an older release, and the floors.
   *
   * @param floors triple -> floor, for the glibc Linux targets that have one
   */
  record Floors(List<TargetRequest> targets, Map<String, String> floors) {}

  private GlibcFloorResolver() {}

  /**
   * @param global the plugin's {@code <glibc>}, or null
   * @param declared the targets as written, whose own {@code <glibc>} wins
   * @param targets the targets to build
   * @param imageOverrides the triples with their own base image: theirs is not retagged, and the
   *     audit alone checks their floor
   */
  static Floors resolve(
      String global,
      List<RawTarget> declared,
      List<TargetRequest> targets,
      Set<String> imageOverrides,
      DebianReleases releases,
      List<ConfigProblem> problems) {
    String plugin = version(global, ConfigKey.GLIBC, null, problems);
    Map<String, String> own = new LinkedHashMap<>();
    for (RawTarget t : declared) {
      if (t.triple() != null && t.glibc() != null && !t.glibc().isBlank()) {
        own.putIfAbsent(t.triple().strip(), t.glibc().strip());
      }
    }
    List<TargetRequest> resolved = new ArrayList<>();
    Map<String, String> floors = new LinkedHashMap<>();
    for (TargetRequest request : targets) {
      Target target = request.target();
      String triple = target.triple().value();
      String given = own.get(triple);
      String floor;
      if (!target.container() || target.musl()) {
        if (given != null) {
          String libc = target.musl() ? "musl" : target.platform().os();
          problems.add(
              new ConfigProblem.Malformed(
                  ConfigKey.TARGET_GLIBC,
                  given,
                  triple,
                  "a " + libc + " target does not use glibc"));
        }
        floor = null;
      } else {
        floor = given == null ? plugin : version(given, ConfigKey.TARGET_GLIBC, triple, problems);
      }
      if (floor == null) {
        resolved.add(request);
        continue;
      }
      floors.put(triple, floor);
      resolved.add(
          imageOverrides.contains(triple)
              ? request
              : withRelease(
                  request,
                  floor,
                  given != null ? ConfigKey.TARGET_GLIBC : ConfigKey.GLIBC,
                  releases,
                  problems));
    }
    return new Floors(resolved, floors);
  }

  /** The request with the base image of the release that meets the floor, or as it is. */
  private static TargetRequest withRelease(
      TargetRequest request,
      String floor,
      ConfigKey key,
      DebianReleases releases,
      List<ConfigProblem> problems) {
    Target target = request.target();
    Optional<DebianRelease> picked = releases.pick(target, floor);
    if (picked.isEmpty()) {
      Optional<DebianRelease> oldest = releases.oldest(target);
      problems.add(
          new ConfigProblem.NoReleaseForGlibc(
              key,
              target.triple().value(),
              floor,
              oldest.map(DebianRelease::glibc).orElse(null),
              oldest.map(DebianRelease::name).orElse(null)));
      return request;
    }
    if (picked.equals(releases.releaseOf(target.baseImage()))) {
      return request;
    }
    return new TargetRequest(
        target.withBaseRelease(picked.get().name()),
        request.forcedStrategy(),
        request.forcedBuilder());
  }

  /** The version given, or null when none is given or it is not a version (a problem then). */
  private static String version(
      String value, ConfigKey key, String owner, List<ConfigProblem> problems) {
    String version = value == null || value.isBlank() ? null : value.strip();
    if (version != null && !OutputRulesResolver.VERSION.matcher(version).matches()) {
      problems.add(new ConfigProblem.Malformed(key, version, owner, null));
      return null;
    }
    return version;
  }
}
