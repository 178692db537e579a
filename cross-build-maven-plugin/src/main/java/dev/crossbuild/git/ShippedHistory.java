package dev.crossbuild.git;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The commits a shipped repository holds: those reachable from HEAD, newest first, at most {@code
 * maxCommits}. Where the history is cut, the commits whose parents stay behind are listed in {@code
 * shallow}, as in a {@code git clone --depth} clone.
 *
 * @param commits the shipped commits, in walk order (newest first)
 * @param shallow the shipped commits git must treat as having no parents
 */
record ShippedHistory(List<RevCommit> commits, SortedSet<ObjectId> shallow) {

  static ShippedHistory select(
      RevWalk walk, ObjectId head, int maxCommits, Set<ObjectId> hostShallow) throws IOException {
    walk.reset();
    walk.setRetainBody(false);
    RevCommit start = walk.parseCommit(head);
    walk.markStart(start);
    Set<RevCommit> picked = new LinkedHashSet<>();
    for (RevCommit c : walk) {
      picked.add(c);
      if (picked.size() >= maxCommits) {
        break;
      }
    }
    // JGit already shows the host's own shallow commits without parents; git needs them listed.
    Set<RevCommit> cut = new HashSet<>();
    for (RevCommit c : picked) {
      boolean parentLeftOut = false;
      for (RevCommit p : c.getParents()) {
        parentLeftOut |= !picked.contains(p);
      }
      if (parentLeftOut || hostShallow.contains(c)) {
        cut.add(c);
      }
    }
    // A cut merge hides its other parents too; keep only what git can still reach from HEAD.
    Set<RevCommit> reachable = new HashSet<>();
    Deque<RevCommit> pending = new ArrayDeque<>();
    reachable.add(start);
    pending.add(start);
    while (!pending.isEmpty()) {
      RevCommit c = pending.remove();
      if (cut.contains(c)) {
        continue;
      }
      for (RevCommit p : c.getParents()) {
        if (reachable.add(p)) {
          pending.add(p);
        }
      }
    }
    List<RevCommit> commits = new ArrayList<>();
    SortedSet<ObjectId> shallow = new TreeSet<>();
    for (RevCommit c : picked) {
      if (reachable.contains(c)) {
        commits.add(c);
        if (cut.contains(c)) {
          shallow.add(c.copy());
        }
      }
    }
    return new ShippedHistory(List.copyOf(commits), shallow);
  }
}
