package dev.crossbuild.target;

import java.util.Objects;

/**
 * A target triple such as {@code aarch64-unknown-linux-gnu}, split into its parts. Parsing checks
 * the shape only; whether the triple is known is the {@link TargetCatalog}'s question.
 *
 * @param value the triple as written
 * @param arch first part, e.g. {@code aarch64}
 * @param vendor second part, e.g. {@code unknown}, {@code apple}, {@code pc}
 * @param os third part, e.g. {@code linux}, {@code darwin}, {@code windows}
 * @param env fourth part or empty, e.g. {@code gnu}, {@code musl}, {@code gnueabihf}, {@code msvc}
 */
public record TargetTriple(String value, String arch, String vendor, String os, String env) {

  public TargetTriple {
    Objects.requireNonNull(value, "value");
    env = env == null ? "" : env;
  }

  /**
   * Parses {@code arch-vendor-os[-env]}.
   *
   * @throws InvalidTripleException when the text does not have three or four non-empty parts
   */
  public static TargetTriple parse(String text) {
    String value = text == null ? "" : text.trim();
    String[] parts = value.split("-", -1);
    if (parts.length < 3 || parts.length > 4) {
      throw new InvalidTripleException(value);
    }
    for (String part : parts) {
      if (part.isEmpty() || !part.matches("[A-Za-z0-9_.]+")) {
        throw new InvalidTripleException(value);
      }
    }
    return new TargetTriple(value, parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : "");
  }

  @Override
  public String toString() {
    return value;
  }
}
