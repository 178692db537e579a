package dev.crossbuild.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * {@code git describe --tags --always} (without {@code --dirty}), a line-by-line port of git's
 * builtin/describe.c so the answer is git's own, ties and depth counting included: JGit's
 * DescribeCommand picks differently among tags on one commit and counts depth its own way.
 */
final class GitDescribe {

  private static final int MAX_CANDIDATES = 10;
  private static final int SEEN = 1;

  private final RevWalk walk;
  private final RevWalk tagWalk;
  private final Map<AnyObjectId, Integer> flags = new HashMap<>();

  /** The best name for a commit: an annotated tag (prio 2) wins over a lightweight one (1). */
  private static final class Name {
    final TagRef ref;
    final int prio;
    RevTag tag;

    Name(TagRef ref, RevTag tag) {
      this.ref = ref;
      this.prio = ref.annotated() ? 2 : 1;
      this.tag = tag;
    }

    boolean misnamed() {
      return tag != null && !tag.getTagName().equals(ref.shortName());
    }

    // An annotated tag is printed by the name inside the tag object, as git does.
    String text() {
      return tag != null ? tag.getTagName() : ref.shortName();
    }
  }

  private static final class Candidate {
    final Name name;
    final int flagWithin;
    final int foundOrder;
    int depth;

    Candidate(Name name, int depth, int foundOrder) {
      this.name = name;
      this.depth = depth;
      this.foundOrder = foundOrder;
      this.flagWithin = 1 << foundOrder;
    }
  }

  private GitDescribe(RevWalk walk, RevWalk tagWalk) {
    this.walk = walk;
    this.tagWalk = tagWalk;
  }

  /**
   * Describes {@code head} by the {@code tags} (in git's ref order), abbreviating ids to {@code
   * abbrev} hex digits.
   */
  static String describe(RevWalk walk, RevCommit head, List<TagRef> tags, int abbrev)
      throws IOException {
    // Tags are read with their bodies (name, tagger); the commit walk may drop bodies to save
    // memory.
    try (RevWalk tagWalk = new RevWalk(walk.getObjectReader())) {
      return new GitDescribe(walk, tagWalk).run(head, tags, abbrev);
    }
  }

  private String run(RevCommit head, List<TagRef> tags, int abbrev) throws IOException {
    String hash = head.abbreviate(abbrev).name();
    Map<ObjectId, Name> names = knownNames(tags);
    Name exact = names.get(head);
    if (exact != null) {
      parseTag(exact);
      return exact.text() + (exact.misnamed() ? "-0-g" + hash : "");
    }
    Map<RevCommit, Name> commitNames = new HashMap<>();
    for (Map.Entry<ObjectId, Name> e : names.entrySet()) {
      try {
        RevObject o = walk.parseAny(e.getKey());
        if (o instanceof RevCommit) {
          commitNames.put((RevCommit) o, e.getValue());
        }
      } catch (MissingObjectException gone) {
        // git skips names whose commit it cannot look up
      }
    }
    List<Candidate> matches = new ArrayList<>();
    int annotated = 0;
    RevCommit gaveUpOn = null;
    LinkedList<RevCommit> list = new LinkedList<>();
    flags.put(head, SEEN);
    list.add(head);
    int seen = 0;
    while (!list.isEmpty()) {
      RevCommit c = list.removeFirst();
      seen++;
      Name n = commitNames.get(c);
      if (n != null) {
        if (matches.size() < MAX_CANDIDATES) {
          // depth so far: the commits popped before this one
          Candidate t = new Candidate(n, seen - 1, matches.size() + 1);
          matches.add(t);
          flags.merge(c, t.flagWithin, (a, b) -> a | b);
          if (n.prio == 2) {
            annotated++;
          }
        } else {
          gaveUpOn = c;
          break;
        }
      }
      int cf = flag(c);
      for (Candidate t : matches) {
        if ((cf & t.flagWithin) == 0) {
          t.depth++;
        }
      }
      if (annotated > 0 && list.isEmpty() && coveredByBest(matches, cf)) {
        break; // the last remaining path is already covered by the best candidate(s)
      }
      addParents(list, c);
    }
    if (matches.isEmpty()) {
      return hash;
    }
    matches.sort(
        Comparator.<Candidate>comparingInt(t -> t.depth).thenComparingInt(t -> t.foundOrder));
    Candidate best = matches.get(0);
    if (gaveUpOn != null) {
      insertByDate(list, gaveUpOn);
    }
    finishDepthComputation(list, best);
    parseTag(best.name);
    return best.name.text() + "-" + best.depth + "-g" + hash;
  }

  private boolean coveredByBest(List<Candidate> matches, int commitFlags) {
    int bestDepth = Integer.MAX_VALUE;
    int bestWithin = 0;
    for (Candidate t : matches) {
      if (t.depth < bestDepth) {
        bestDepth = t.depth;
        bestWithin = t.flagWithin;
      } else if (t.depth == bestDepth) {
        bestWithin |= t.flagWithin;
      }
    }
    return (commitFlags & bestWithin) == bestWithin;
  }

  private void finishDepthComputation(LinkedList<RevCommit> list, Candidate best)
      throws IOException {
    while (!list.isEmpty()) {
      RevCommit c = list.removeFirst();
      if ((flag(c) & best.flagWithin) != 0) {
        boolean allWithin = true;
        for (RevCommit i : list) {
          if ((flag(i) & best.flagWithin) == 0) {
            allWithin = false;
            break;
          }
        }
        if (allWithin) {
          break;
        }
      } else {
        best.depth++;
      }
      addParents(list, c);
    }
  }

  private void addParents(LinkedList<RevCommit> list, RevCommit c) throws IOException {
    int cf = flag(c);
    for (RevCommit p : c.getParents()) {
      walk.parseHeaders(p);
      if ((flag(p) & SEEN) == 0) {
        insertByDate(list, p);
      }
      flags.merge(p, cf, (a, b) -> a | b);
    }
  }

  private int flag(RevCommit c) {
    return flags.getOrDefault(c, 0);
  }

  // git's commit_list_insert_by_date: after every commit at least as new, so ties stay FIFO
  private static void insertByDate(LinkedList<RevCommit> list, RevCommit item) {
    ListIterator<RevCommit> it = list.listIterator();
    while (it.hasNext()) {
      if (it.next().getCommitTime() < item.getCommitTime()) {
        it.previous();
        break;
      }
    }
    it.add(item);
  }

  // git's get_name/add_to_known_names/replace_name: one name per peeled object
  private Map<ObjectId, Name> knownNames(List<TagRef> tags) throws IOException {
    Map<ObjectId, Name> names = new HashMap<>();
    for (TagRef ref : tags) {
      ObjectId peeled = ref.commitish();
      Name existing = names.get(peeled);
      Name candidate = new Name(ref, null);
      if (existing == null || existing.prio < candidate.prio) {
        names.put(peeled.copy(), candidate);
      } else if (existing.prio == 2 && candidate.prio == 2) {
        // several annotated tags on one commit: the newest tagger date wins, the first on a tie
        if (!parseTag(existing)) {
          names.put(peeled.copy(), candidate);
        } else if (parseTag(candidate) && taggerTime(existing) < taggerTime(candidate)) {
          names.put(peeled.copy(), candidate);
        }
      }
    }
    return names;
  }

  private boolean parseTag(Name name) throws IOException {
    if (name.tag == null && name.ref.annotated()) {
      try {
        name.tag = tagWalk.parseTag(name.ref.target());
      } catch (MissingObjectException e) {
        return false;
      }
    }
    return name.tag != null;
  }

  private static long taggerTime(Name name) {
    var tagger = name.tag.getTaggerIdent();
    return tagger == null ? 0 : tagger.getWhenAsInstant().getEpochSecond();
  }
}
