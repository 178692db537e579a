package dev.crossbuild.engine;

/**
 * An archive copied out of a container was refused: an entry would land outside the destination, is
 * a device or FIFO, or the archive is larger than allowed. Nothing was written to the destination.
 */
public class UnsafeArchiveException extends EngineException {

  private final String entry;

  public UnsafeArchiveException(String entry, String reason) {
    super("Refused archive entry '" + entry + "': " + reason);
    this.entry = entry;
  }

  /** The name of the offending entry as it appears in the archive. */
  public String entry() {
    return entry;
  }
}
