package dev.crossbuild.config;

import java.util.List;

/**
 * One thing wrong with the configuration, as facts: which setting, the value given, what is wrong
 * with it. The maven room words it in POM terms (element, {@code -D} property, what to do), the
 * same way for every goal.
 */
public interface ConfigProblem {

  /** The setting concerned; null only for a problem the maven room worded itself. */
  ConfigKey key();

  /** The value as given; empty when the setting is missing. */
  String value();

  /**
   * A value the setting does not know: a target, strategy, builder, recipe, engine or build cache
   * mode.
   *
   * @param owner the target whose setting it is, or null
   * @param known what would do: the closest known targets, the declared builders, the recipes, or
   *     empty
   */
  record Unknown(ConfigKey key, String value, String owner, List<String> known)
      implements ConfigProblem {
    public Unknown {
      known = List.copyOf(known);
    }
  }

  /**
   * A value not in the form the setting takes.
   *
   * @param owner the target whose setting it is, or null
   * @param why what the check that refused it said, or null
   */
  record Malformed(ConfigKey key, String value, String owner, String why)
      implements ConfigProblem {}

  /** A setting nothing can do without is not given. */
  record Missing(ConfigKey key) implements ConfigProblem {
    @Override
    public String value() {
      return "";
    }
  }

  /**
   * The recipe can't build the project for a musl target, and says why before anything is built.
   *
   * @param value the target's triple
   */
  record NotForMusl(String value, String why) implements ConfigProblem {
    @Override
    public ConfigKey key() {
      return ConfigKey.TARGETS;
    }
  }

  /**
   * A setting, given as {@code value}, that needs another one which is not given: the custom recipe
   * a build command, a builder a host, half of a login the other half.
   */
  record Needs(ConfigKey key, String value, ConfigKey missing) implements ConfigProblem {}

  /**
   * A value given twice where each must be unique.
   *
   * @param owner the target that gives it, or null
   * @param other the target that gave it first, or null
   */
  record Duplicate(ConfigKey key, String value, String owner, String other)
      implements ConfigProblem {}

  /**
   * A number below its minimum of 1.
   *
   * @param owner the builder whose setting it is, or null
   */
  record TooLow(ConfigKey key, String owner, int given) implements ConfigProblem {
    @Override
    public String value() {
      return String.valueOf(given);
    }
  }

  /**
   * A cache repository whose first part is no registry host (no dot, no port).
   *
   * @param registry that first part
   */
  record NoRegistryHost(String value, String registry) implements ConfigProblem {
    @Override
    public ConfigKey key() {
      return ConfigKey.CACHE_REPOSITORY;
    }
  }

  /**
   * The target installs setup packages, but its image's Debian release (bookworm) has none for the
   * target's architecture, which the catalog's image (trixie) has.
   *
   * @param value the image
   */
  record NoPackagesForArchitecture(
      String triple, String value, List<String> packages, String architecture, String catalogImage)
      implements ConfigProblem {
    public NoPackagesForArchitecture {
      packages = List.copyOf(packages);
    }

    @Override
    public ConfigKey key() {
      return ConfigKey.IMAGE;
    }
  }

  /**
   * No known base image for the target's architecture has a glibc at most the floor asked for, so
   * its outputs could not meet it: said before anything is built.
   *
   * @param key {@link ConfigKey#GLIBC} or {@link ConfigKey#TARGET_GLIBC}, whichever gave the floor
   * @param value the floor, e.g. {@code 2.17}
   * @param oldestFloor the lowest floor a base image meets for the target ({@code 2.31}), or null
   *     when no known release has an image for its architecture
   * @param oldestRelease the Debian release of that image ({@code bullseye}), or null
   */
  record NoReleaseForGlibc(
      ConfigKey key, String triple, String value, String oldestFloor, String oldestRelease)
      implements ConfigProblem {}
}
