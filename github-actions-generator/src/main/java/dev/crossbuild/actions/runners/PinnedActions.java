package dev.crossbuild.actions.runners;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The pinned-actions catalog, read from the data file {@code pinned-actions.txt}. */
public final class PinnedActions {
  private static final String RESOURCE = "/dev/crossbuild/actions/pinned-actions.txt";

  public static final String CHECKOUT = "actions/checkout";
  public static final String SETUP_JAVA = "actions/setup-java";
  public static final String SETUP_QEMU = "docker/setup-qemu-action";
  public static final String UPLOAD_ARTIFACT = "actions/upload-artifact";
  public static final String DOWNLOAD_ARTIFACT = "actions/download-artifact";
  public static final String ATTEST_PROVENANCE = "actions/attest-build-provenance";

  /** The repository of {@code actions/cache/restore} and {@code actions/cache/save}. */
  public static final String CACHE = "actions/cache";

  private final Map<String, PinnedAction> pins;

  private PinnedActions(Map<String, PinnedAction> pins) {
    this.pins = pins;
  }

  /** The catalog shipped with this library. */
  public static PinnedActions standard() {
    try (InputStream in = PinnedActions.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, RESOURCE);
      Map<String, PinnedAction> pins = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] columns = trimmed.split("\\s+");
        if (columns.length != 3) {
          throw new IllegalStateException("Pinned-actions line needs 3 columns: " + line);
        }
        pins.put(columns[0], new PinnedAction(columns[0], columns[1], columns[2]));
      }
      return new PinnedActions(Map.copyOf(pins));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the pinned-actions catalog " + RESOURCE, e);
    }
  }

  /** The pin of {@code owner/repo}. */
  public PinnedAction get(String action) {
    PinnedAction pin = pins.get(action);
    if (pin == null) {
      throw new IllegalStateException("No pinned commit for action " + action + " in " + RESOURCE);
    }
    return pin;
  }
}
