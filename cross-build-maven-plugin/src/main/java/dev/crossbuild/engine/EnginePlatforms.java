package dev.crossbuild.engine;

import dev.crossbuild.target.Platform;
import java.util.Locale;

/** Maps what engines and images report (uname-style or OCI-style names) to container platforms. */
final class EnginePlatforms {

  private EnginePlatforms() {}

  /**
   * The platform for an OS type and architecture as {@code /info} (uname names: {@code x86_64},
   * {@code aarch64}, {@code armv7l}) or an image config (OCI names plus variant) reports them.
   */
  static Platform normalise(String os, String architecture, String variant) {
    String o = os == null || os.isBlank() ? "linux" : os.trim().toLowerCase(Locale.ROOT);
    String a = architecture == null ? "" : architecture.trim().toLowerCase(Locale.ROOT);
    String v =
        variant == null || variant.isBlank() ? null : variant.trim().toLowerCase(Locale.ROOT);
    return switch (a) {
      case "x86_64", "x86-64", "amd64" -> new Platform(o, "amd64", null);
      case "aarch64", "arm64", "armv8", "armv8l" -> new Platform(o, "arm64", null);
      case "armv7l", "armv7", "armhf" -> new Platform(o, "arm", "v7");
      case "armv6l", "armv6", "armel" -> new Platform(o, "arm", "v6");
      case "armv5tel", "armv5l" -> new Platform(o, "arm", "v5");
      case "arm" -> new Platform(o, "arm", v == null ? "v7" : v);
      case "i386", "i486", "i586", "i686", "x86", "386" -> new Platform(o, "386", null);
      case "ppc64le", "ppc64el", "powerpc64le" -> new Platform(o, "ppc64le", null);
      case "s390x" -> new Platform(o, "s390x", null);
      case "riscv64" -> new Platform(o, "riscv64", null);
      case "mips64el", "mips64le" -> new Platform(o, "mips64le", null);
      case "loongarch64", "loong64" -> new Platform(o, "loong64", null);
      default -> {
        if (a.isEmpty()) {
          throw new EngineException("The engine reported no architecture for OS '" + o + "'");
        }
        yield new Platform(o, a, v);
      }
    };
  }
}
