package dev.crossbuild.stage;

import dev.crossbuild.config.CacheConfig;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.DockerCredentials;
import dev.crossbuild.engine.EngineException;
import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.engine.RegistryException;
import dev.crossbuild.target.Platform;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The registry cache of deps images ({@code <cache>}): pulls a deps image the engine lacks, and
 * pushes one built here. It never fails a build: every registry problem is one warning, and the
 * image is built. {@code log} lines go to the target's log, {@code show} lines also to the console.
 */
public final class DepsCache {

  private final CacheConfig cache;
  private final ContainerEngine engine;
  private final CacheCredentials credentials;

  public DepsCache(CacheConfig cache, ContainerEngine engine, CacheCredentials credentials) {
    this.cache = cache;
    this.engine = engine;
    this.credentials = credentials;
  }

  /**
   * Pulls the cache's copy of {@code localTag} and tags it so, when {@code <pull>} is on. The copy
   * is trusted only when it is of {@code platform} and carries the same target and deps key.
   *
   * @return whether the engine now has a trusted image at {@code localTag}
   */
  boolean pull(
      String localTag,
      String triple,
      String key,
      Platform platform,
      Consumer<String> log,
      Consumer<String> show,
      Consumer<String> warn) {
    if (!cache.pull()) {
      return false;
    }
    String remote = cache.reference(triple, DepsKey.tagPart(key));
    DockerCredentials.Lookup auth = credentials.get();
    log.accept(
        "cache: pulling "
            + remote
            + (auth.auth() == null
                ? " anonymously (" + auth.where() + ")"
                : " with credentials from " + auth.where()));
    ImageInfo image;
    try {
      image = engine.pullImage(remote, platform, auth.auth());
    } catch (RegistryException e) {
      warn.accept(
          e.kind() == RegistryException.Kind.NOT_FOUND
              ? "Deps cache: no " + remote + " yet; building the deps image."
              : "Deps cache: cannot pull "
                  + remote
                  + " ("
                  + describe(e.kind())
                  + "); building the deps image. "
                  + e.getMessage());
      return false;
    } catch (EngineException e) {
      warn.accept(
          "Deps cache: cannot pull " + remote + "; building the deps image. " + e.getMessage());
      return false;
    }
    String distrust = distrust(image, triple, key, platform);
    if (distrust != null) {
      warn.accept(
          "Deps cache: " + remote + " is not used: " + distrust + "; building the deps image.");
      engine.removeImage(remote);
      return false;
    }
    engine.tagImage(remote, localTag);
    engine.removeImage(remote); // only the tag goes: the image stays as localTag
    show.accept("cache: pulled " + remote);
    log.accept("cache: " + remote + " is " + image.id() + ", tagged " + localTag);
    return true;
  }

  /** Pushes a deps image built here, when {@code <push>} is on; a failure is a warning. */
  void push(
      String localTag,
      String triple,
      String key,
      Consumer<String> log,
      Consumer<String> show,
      Consumer<String> warn) {
    if (!cache.push()) {
      return;
    }
    String remote = cache.reference(triple, DepsKey.tagPart(key));
    DockerCredentials.Lookup auth = credentials.get();
    log.accept("cache: pushing " + remote);
    try {
      engine.tagImage(localTag, remote);
      engine.pushImage(remote, auth.auth());
      show.accept("cache: pushed " + remote);
    } catch (RegistryException e) {
      if (e.kind() == RegistryException.Kind.UNAUTHORIZED) {
        warn.accept(
            "Deps cache: the registry "
                + cache.registry()
                + " refused the push of "
                + remote
                + " ("
                + e.getMessage()
                + "). Credentials were looked up in "
                + auth.where()
                + ". Log in with `docker login "
                + cache.registry()
                + "`, or set <cache><username> and <passwordEnvironmentVariable>"
                + " (-Dcross.cache.username, -Dcross.cache.passwordEnvironmentVariable); or stop pushing with"
                + " -Dcross.cache.push=false. The build goes on.");
      } else {
        warn.accept(
            "Deps cache: cannot push "
                + remote
                + " ("
                + describe(e.kind())
                + "): "
                + e.getMessage()
                + ". The build goes on.");
      }
    } catch (EngineException e) {
      warn.accept(
          "Deps cache: cannot push " + remote + ": " + e.getMessage() + ". The build goes on.");
    } finally {
      engine.removeImage(remote); // the push tag only; the deps image keeps its own
    }
  }

  static String distrust(ImageInfo image, String triple, String key, Platform platform) {
    if (!platform.equals(image.platform())) {
      return "it is for " + image.platform() + ", not " + platform;
    }
    if (!Objects.equals(key, image.labels().get(Labels.DEPS_KEY))) {
      return "its deps key label " + image.labels().get(Labels.DEPS_KEY) + " is not " + key;
    }
    if (!Objects.equals(triple, image.labels().get(Labels.TARGET))) {
      return "it was made for target " + image.labels().get(Labels.TARGET) + ", not " + triple;
    }
    return null;
  }

  private static String describe(RegistryException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> "not in the registry";
      case UNAUTHORIZED -> "the registry refused the credentials";
      case UNREACHABLE -> "the registry does not answer";
      case OTHER -> "the engine reported an error";
    };
  }
}
