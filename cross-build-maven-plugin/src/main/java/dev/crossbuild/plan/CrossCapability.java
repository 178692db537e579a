package dev.crossbuild.plan;

import dev.crossbuild.target.Platform;
import dev.crossbuild.target.Target;

/** Answers whether the recipe can cross-compile a target in an image at a builder's platform. */
@FunctionalInterface
public interface CrossCapability {

  boolean canCross(Target target, Platform builderPlatform);
}
