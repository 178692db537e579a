package dev.crossbuild.stage;

import dev.crossbuild.config.CrossConfig;
import dev.crossbuild.config.Strategy;
import dev.crossbuild.engine.ContainerEngine;
import dev.crossbuild.engine.ImageInfo;
import dev.crossbuild.plan.PlannedTarget;
import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;
import java.util.function.Function;

/**
 * Which base image a target's deps stage starts FROM, and making sure the engine has it at the
 * right platform.
 */
final class BaseImages {

  private final CrossConfig config;
  private final PlannedTarget planned;
  private final ContainerEngine engine;
  private final Function<Platform, String> defaultBaseImage;
  private final BuildListener listener;

  BaseImages(
      CrossConfig config,
      PlannedTarget planned,
      ContainerEngine engine,
      Function<Platform, String> defaultBaseImage,
      BuildListener listener) {
    this.config = config;
    this.planned = planned;
    this.engine = engine;
    this.defaultBaseImage = defaultBaseImage;
    this.listener = listener;
  }

  /**
   * The target's {@code <image>}, else the recipe's image (the POM's {@code <image>} or the
   * preset's) with {@code {repo}} replaced by the per-architecture repository of the image
   * platform, else the catalog's.
   */
  String reference() {
    Target target = planned.target();
    String override = config.imageOverrides().get(target.triple().value());
    if (override != null) {
      return override;
    }
    String catalog = planned.strategy() == Strategy.CROSS ? crossBase(target) : target.baseImage();
    String template = config.recipe().image();
    if (template == null || (!template.contains("{repo}"))) {
      return template == null ? catalog : template;
    }
    if (catalog == null || catalog.indexOf('/') < 0) {
      throw BaseImageException.noRepositoryFor(
          target.triple().value(), planned.imagePlatform(), template);
    }
    return template.replace("{repo}", catalog.substring(0, catalog.indexOf('/')));
  }

  /**
   * A cross build runs at the builder's platform but installs the target's packages, so it needs
   * the target's distribution release: riscv64 packages exist only from Debian 13 (trixie) on. The
   * builder's per-architecture repository with the target's image name and tag: {@code
   * amd64/debian:trixie-slim}.
   */
  private String crossBase(Target target) {
    String builderBase = defaultBaseImage.apply(planned.imagePlatform());
    String targetBase = target.baseImage();
    if (builderBase == null
        || targetBase == null
        || builderBase.indexOf('/') < 0
        || targetBase.indexOf('/') < 0) {
      return builderBase;
    }
    return builderBase.substring(0, builderBase.indexOf('/'))
        + targetBase.substring(targetBase.indexOf('/'));
  }

  /**
   * The base image at the image platform, pulled when missing; a tag that holds another platform is
   * refused.
   */
  ImageInfo ensure(String reference, Platform platform) {
    if (reference == null) {
      throw BaseImageException.noneKnown(planned.target().triple().value(), platform);
    }
    ImageInfo info =
        engine
            .inspectImage(reference)
            .orElseGet(
                () -> {
                  listener.log(
                      planned.target().triple().value(),
                      "pulling " + reference + " for " + platform);
                  return engine.pullImage(reference, platform);
                });
    Platform have = info.platform();
    if (have != null && !(have.os().equals(platform.os()) && have.arch().equals(platform.arch()))) {
      throw BaseImageException.otherPlatform(
          planned.target().triple().value(), platform, reference, have);
    }
    return info;
  }
}
