package dev.crossbuild.actions.runners;

import java.util.Locale;

/** The operating-system family of a target triple, as far as the choice of runner cares. */
public enum TargetOs {
  LINUX,
  DARWIN,
  WINDOWS;

  /** The family named by a triple's os parts, or null when it is none of these. */
  static TargetOs of(String triple) {
    String t = triple.toLowerCase(Locale.ROOT);
    if (t.contains("-linux")) {
      return LINUX;
    }
    if (t.contains("-apple-") || t.contains("-darwin") || t.contains("-macos")) {
      return DARWIN;
    }
    if (t.contains("-windows")) {
      return WINDOWS;
    }
    return null;
  }

  /** The name used in the catalog data file. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
