package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;

/**
 * An image as the engine reports it.
 *
 * @param id the image ID ({@code sha256:...}), stable for identical content
 * @param platform the platform recorded in the image config
 */
public record ImageInfo(String id, Platform platform) {}
