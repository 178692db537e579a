package dev.crossbuild.config;

import java.util.Locale;

/** How a target gets built, fastest first. */
public enum Strategy {
  /** On a builder whose own platform is the target's. */
  NATIVE,
  /** With a cross toolchain, in an image at the builder's own platform. */
  CROSS,
  /** In an image of the target's platform, run under QEMU on the builder: 10-50x slower. */
  EMULATED,
  /** Without a container, on this machine (macOS and Windows targets on their own runners). */
  HOST;

  /** The lower-case name used in the POM, on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code native}, {@code cross}, {@code emulated} or {@code host}, ignoring case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Strategy parse(String text) {
    for (Strategy s : values()) {
      if (s.id().equalsIgnoreCase(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Unknown strategy '" + text + "'. Use native, cross, emulated or host.");
  }
}
