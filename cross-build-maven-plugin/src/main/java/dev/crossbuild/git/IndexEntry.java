package dev.crossbuild.git;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What the shipped index keeps of one host index entry. No stat data: inode, device, ctime and
 * owner cannot match in a container, so git there hashes every file anyway, and a recorded size
 * would only do harm: git calls a file whose size differs from the recorded one modified without
 * hashing it, so a size taken from an edit since undone would make a clean file dirty. Without stat
 * data the index is also the same bytes for the same entries, whatever the work tree's times. (The
 * path is an array, so records are never compared; nothing here compares them.)
 *
 * @param path the path as git stores it (bytes, not necessarily UTF-8)
 * @param stage 0, or 1 to 3 for an unresolved merge
 * @param mode the file mode bits
 * @param id the blob (or, for a submodule, commit) id
 * @param assumeValid the {@code update-index --assume-unchanged} flag, also set for skip-worktree
 *     entries
 */
record IndexEntry(byte[] path, int stage, int mode, ObjectId id, boolean assumeValid) {

  static List<IndexEntry> readAll(DirCache index) {
    List<IndexEntry> entries = new ArrayList<>(index.getEntryCount());
    for (int i = 0; i < index.getEntryCount(); i++) {
      DirCacheEntry e = index.getEntry(i);
      // JGit cannot write skip-worktree; assume-unchanged makes git skip the entry the same way
      // in status and describe, instead of calling a sparse checkout's absent files deleted.
      boolean skip = e.isAssumeValid() || e.isSkipWorkTree();
      entries.add(
          new IndexEntry(e.getRawPath(), e.getStage(), e.getRawMode(), e.getObjectId(), skip));
    }
    return List.copyOf(entries);
  }

  /**
   * A fresh entry: size and time zero ("smudged", as after {@code git read-tree}), so git, libgit2
   * and JGit all compare the work-tree file by content. An intent-to-add flag is lost (JGit cannot
   * write it): the entry stays, an added empty file.
   */
  DirCacheEntry toDirCacheEntry() {
    DirCacheEntry e = new DirCacheEntry(path, stage);
    e.setFileMode(FileMode.fromBits(mode));
    e.setObjectId(id);
    e.setAssumeValid(assumeValid);
    return e;
  }

  /** An in-memory index holding {@code entries}, which are in index order already. */
  static DirCache inCore(List<IndexEntry> entries) {
    DirCache index = DirCache.newInCore();
    fill(index, entries);
    return index;
  }

  static void fill(DirCache index, List<IndexEntry> entries) {
    var builder = index.builder();
    for (IndexEntry e : entries) {
      builder.add(e.toDirCacheEntry());
    }
    builder.finish();
  }
}
