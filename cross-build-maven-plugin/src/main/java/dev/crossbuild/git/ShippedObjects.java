package dev.crossbuild.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The trees and the few blobs a shipped repository needs besides its commits and tags.
 *
 * <p>{@code git status} and {@code git describe --dirty} compare a regular file by hashing it, so
 * its blob is not needed. They do read a blob for: a symbolic link (git compares the link target
 * with the blob's text), a staged addition or deletion (rename detection reads both sides; without
 * them {@code git status} dies with "unable to read"), and {@code .gitattributes}, {@code
 * .gitignore} and {@code .gitmodules}, which git reads from the index when the file is missing or
 * skipped.
 *
 * <p>{@code git show -s} (Go's VCS stamping before Go 1.23) diffs HEAD against its parents although
 * it prints no diff: it needs the parents' trees where they differ from HEAD's, and, when HEAD adds
 * and deletes files, both sides of those for rename detection.
 */
final class ShippedObjects {

  private ShippedObjects() {}

  /** HEAD's root tree and every subtree, each once, in walk order. */
  static Set<ObjectId> trees(ObjectReader reader, ObjectId root) throws IOException {
    Set<ObjectId> trees = new LinkedHashSet<>();
    trees.add(root.copy());
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(root);
      walk.setRecursive(false);
      while (walk.next()) {
        // a subtree seen before (same content at another path) has been collected already
        if (walk.isSubtree() && trees.add(walk.getObjectId(0))) {
          walk.enterSubtree();
        }
      }
    }
    return trees;
  }

  /**
   * Adds to {@code trees} the trees of {@code parentTree} that differ from {@code headTree}, and to
   * {@code blobs} the files HEAD adds or deletes when it does both.
   */
  static void parentObjects(
      ObjectReader reader,
      ObjectId parentTree,
      ObjectId headTree,
      Set<ObjectId> trees,
      Set<ObjectId> blobs)
      throws IOException {
    trees.add(parentTree.copy());
    List<ObjectId> added = new ArrayList<>();
    List<ObjectId> deleted = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(reader)) {
      int parent = walk.addTree(parentTree);
      int head = walk.addTree(headTree);
      walk.setFilter(TreeFilter.ANY_DIFF);
      walk.setRecursive(false);
      while (walk.next()) {
        FileMode inParent = walk.getFileMode(parent);
        FileMode inHead = walk.getFileMode(head);
        if (inParent == FileMode.TREE) {
          trees.add(walk.getObjectId(parent));
        }
        if (inParent == FileMode.TREE || inHead == FileMode.TREE) {
          walk.enterSubtree();
        }
        if (isBlob(inParent) && !isBlob(inHead)) {
          deleted.add(walk.getObjectId(parent));
        } else if (isBlob(inHead) && !isBlob(inParent)) {
          added.add(walk.getObjectId(head));
        }
      }
    }
    if (!added.isEmpty() && !deleted.isEmpty()) {
      for (ObjectId blob : added) {
        add(reader, blob, blobs);
      }
      for (ObjectId blob : deleted) {
        add(reader, blob, blobs);
      }
    }
  }

  /** The blobs git reads, as the class comment lists them, that the host has. */
  static Set<ObjectId> blobs(ObjectReader reader, ObjectId root, DirCache index)
      throws IOException {
    Set<ObjectId> blobs = new LinkedHashSet<>();
    try (TreeWalk walk = new TreeWalk(reader)) {
      int head = walk.addTree(root);
      int staged = walk.addTree(new DirCacheIterator(index));
      walk.setRecursive(true);
      while (walk.next()) {
        FileMode inHead = walk.getFileMode(head);
        FileMode inIndex = walk.getFileMode(staged);
        if (isBlob(inIndex)
            && (inIndex == FileMode.SYMLINK || isGitMetadata(walk.getNameString()))) {
          add(reader, walk.getObjectId(staged), blobs);
        }
        if (!walk.idEqual(head, staged) || walk.getRawMode(head) != walk.getRawMode(staged)) {
          if (isBlob(inHead)) {
            add(reader, walk.getObjectId(head), blobs);
          }
          if (isBlob(inIndex)) {
            add(reader, walk.getObjectId(staged), blobs);
          }
        }
      }
    }
    return blobs;
  }

  private static boolean isBlob(FileMode mode) {
    return mode.getObjectType() == Constants.OBJ_BLOB;
  }

  private static boolean isGitMetadata(String name) {
    return name.equals(Constants.DOT_GIT_ATTRIBUTES)
        || name.equals(Constants.GITIGNORE_FILENAME)
        || name.equals(Constants.DOT_GIT_MODULES);
  }

  // A blob the host lacks (a partial clone) is left out: git then fails as it would on the host.
  private static void add(ObjectReader reader, ObjectId id, Set<ObjectId> blobs)
      throws IOException {
    if (!id.equals(ObjectId.zeroId()) && reader.has(id, Constants.OBJ_BLOB)) {
      blobs.add(id);
    }
  }
}
