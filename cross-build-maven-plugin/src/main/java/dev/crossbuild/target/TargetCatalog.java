package dev.crossbuild.target;

import java.util.Collection;
import java.util.List;

/**
 * The known targets, read from the data file {@code targets.tsv} next to this class. API fixed; the
 * implementation is being written.
 */
public final class TargetCatalog {

  /** The catalog shipped with the plugin. */
  public static TargetCatalog builtIn() {
    throw new IllegalStateException("not yet written");
  }

  /**
   * The catalog entry for a triple.
   *
   * @throws InvalidTripleException when the text is not shaped like a triple
   * @throws UnknownTargetException when it is not in the catalog (with the closest known triples)
   */
  public Target resolve(String triple) {
    throw new IllegalStateException("not yet written");
  }

  /** Up to three known triples closest to the text, closest first. */
  public List<String> suggest(String text) {
    throw new IllegalStateException("not yet written");
  }

  /** Every target, in catalog order. */
  public Collection<Target> all() {
    throw new IllegalStateException("not yet written");
  }
}
