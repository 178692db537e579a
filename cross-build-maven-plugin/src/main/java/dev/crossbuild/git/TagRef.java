package dev.crossbuild.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefDatabase;

/**
 * A tag ref as {@code git describe} and the shipped {@code packed-refs} see it.
 *
 * @param name the full ref name, {@code refs/tags/...}
 * @param target the object the ref names: the tag object of an annotated tag, else the commit
 * @param peeled the object an annotated tag finally points at, or {@code null} for a lightweight
 *     tag
 */
record TagRef(String name, ObjectId target, ObjectId peeled) {

  /** Git orders refs by the bytes of their names; String order differs beyond the BMP. */
  static final Comparator<String> REF_ORDER =
      (a, b) ->
          Arrays.compareUnsigned(
              a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  boolean annotated() {
    return peeled != null;
  }

  /** The object the tag stands for once peeled: the commit {@code describe} looks for. */
  ObjectId commitish() {
    return peeled != null ? peeled : target;
  }

  /** The name without {@code refs/tags/}, as {@code describe} prints lightweight tags. */
  String shortName() {
    return name.substring(Constants.R_TAGS.length());
  }

  /** Every tag of the repository, in git's ref order. */
  static List<TagRef> readAll(RefDatabase refs) throws IOException {
    List<TagRef> tags = new ArrayList<>();
    for (Ref ref : refs.getRefsByPrefix(Constants.R_TAGS)) {
      if (ref.getObjectId() == null) {
        continue; // a symbolic ref to nothing
      }
      try {
        Ref peeled = refs.peel(ref);
        tags.add(new TagRef(ref.getName(), ref.getObjectId(), peeled.getPeeledObjectId()));
      } catch (MissingObjectException e) {
        // a tag whose object is gone (a shallow or damaged clone): git cannot use it either
      }
    }
    tags.sort(Comparator.comparing(TagRef::name, REF_ORDER));
    return List.copyOf(tags);
  }
}
