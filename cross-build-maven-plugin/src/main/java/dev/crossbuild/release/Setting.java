package dev.crossbuild.release;

import java.util.Objects;

/**
 * A release setting's value and where it came from.
 *
 * @param value the value
 * @param source where it came from
 */
public record Setting<T>(T value, SettingSource source) {

  public Setting {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  @Override
  public String toString() {
    return value + " (" + source + ")";
  }
}
