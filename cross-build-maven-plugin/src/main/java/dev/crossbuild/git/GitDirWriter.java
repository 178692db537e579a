package dev.crossbuild.git;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.eclipse.jgit.util.FS;

/** Writes the small git directory a {@link BuildRepository} describes. */
final class GitDirWriter {

  private static final String PACKED_REFS_HEADER =
      "# pack-refs with: peeled fully-peeled sorted \n";

  private GitDirWriter() {}

  static void write(Repository repo, ShippedState state, Path dir) throws IOException {
    requireEmpty(dir);
    try (RevWalk walk = new RevWalk(repo)) {
      ShippedHistory history =
          ShippedHistory.select(walk, state.head(), state.maxCommits(), state.hostShallow());
      Set<ObjectId> commits = new HashSet<>(history.commits());
      List<TagRef> tags = new ArrayList<>();
      for (TagRef tag : state.tags()) {
        if (commits.contains(tag.commitish())) {
          tags.add(tag); // a tag on a commit left out would name a missing object
        }
      }
      Files.createDirectories(dir.resolve("objects/info"));
      long packed =
          writePack(walk, objects(walk, state, history, tags), dir.resolve("objects/pack"));
      writeIndex(state, dir);
      writeRefs(state, tags, dir);
      write(dir.resolve("config"), config(state.abbrev(), packed));
      if (!history.shallow().isEmpty()) {
        StringBuilder shallow = new StringBuilder();
        history.shallow().forEach(id -> shallow.append(id.name()).append('\n'));
        write(dir.resolve("shallow"), shallow.toString());
      }
    }
  }

  /** What goes in the pack, in a fixed order: commits, trees, blobs, tag objects. */
  private static List<RevObject> objects(
      RevWalk walk, ShippedState state, ShippedHistory history, List<TagRef> tags)
      throws IOException {
    ObjectReader reader = walk.getObjectReader();
    RevCommit head = walk.parseCommit(state.head());
    Set<ObjectId> trees = ShippedObjects.trees(reader, head.getTree());
    Set<ObjectId> blobs =
        ShippedObjects.blobs(reader, head.getTree(), IndexEntry.inCore(state.index()));
    if (!history.shallow().contains(head)) {
      for (RevCommit parent : head.getParents()) {
        walk.parseHeaders(parent);
        ShippedObjects.parentObjects(reader, parent.getTree(), head.getTree(), trees, blobs);
      }
    }
    List<RevObject> objects = new ArrayList<>(history.commits());
    trees.forEach(tree -> objects.add(walk.lookupTree(tree)));
    blobs.forEach(blob -> objects.add(walk.lookupBlob(blob)));
    Set<RevObject> tagObjects = new LinkedHashSet<>();
    for (TagRef tag : tags) {
      // a tag of a tag ships the whole chain
      for (RevObject o = walk.parseAny(tag.target()); o instanceof RevTag; ) {
        tagObjects.add(o);
        o = walk.parseAny(((RevTag) o).getObject());
      }
    }
    objects.addAll(tagObjects);
    return objects;
  }

  private static void requireEmpty(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          // Stale packs or a stale shallow file would change what git answers.
          throw new DirectoryNotEmptyException(dir.toString());
        }
      }
    }
    Files.createDirectories(dir);
  }

  /** Writes the pack and its index; returns the number of objects in it. */
  private static long writePack(RevWalk walk, List<RevObject> objects, Path packDir)
      throws IOException {
    PackConfig config = new PackConfig(); // not the host's: its pack settings must not matter
    config.setDeltaCompress(false); // commits and trees barely delta; a search costs more
    config.setReuseObjects(false); // fresh deflates: the bytes must not depend on host repacks
    config.setReuseDeltas(false);
    config.setBuildBitmaps(false);
    config.setCompressionLevel(Deflater.DEFAULT_COMPRESSION);
    config.setIndexVersion(2);
    Files.createDirectories(packDir);
    Path incoming = packDir.resolve("incoming.tmp");
    try (PackWriter writer = new PackWriter(config, walk.getObjectReader())) {
      writer.setUseCachedPacks(false);
      writer.setUseBitmaps(false);
      writer.preparePack(objects.iterator());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(incoming))) {
        writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
      }
      String name = "pack-" + writer.computeName().name();
      Files.move(incoming, packDir.resolve(name + ".pack"));
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(packDir.resolve(name + ".idx")))) {
        writer.writeIndex(out);
      }
      return writer.getObjectCount();
    } finally {
      Files.deleteIfExists(incoming);
    }
  }

  private static void writeIndex(ShippedState state, Path dir) throws IOException {
    DirCache index = DirCache.lock(dir.resolve("index").toFile(), FS.DETECTED);
    try {
      IndexEntry.fill(index, state.index());
      index.write();
      if (!index.commit()) {
        throw new IOException("Cannot write " + dir.resolve("index"));
      }
    } finally {
      index.unlock();
    }
  }

  private static void writeRefs(ShippedState state, List<TagRef> tags, Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("refs/heads"));
    Files.createDirectories(dir.resolve("refs/tags"));
    TreeMap<String, String> refs = new TreeMap<>(TagRef.REF_ORDER);
    if (state.headRef() != null) {
      refs.put(state.headRef(), state.head().name() + " " + state.headRef() + "\n");
      write(dir.resolve(Constants.HEAD), "ref: " + state.headRef() + "\n");
    } else {
      write(dir.resolve(Constants.HEAD), state.head().name() + "\n");
    }
    for (TagRef tag : tags) {
      String peeled = tag.annotated() ? "^" + tag.peeled().name() + "\n" : "";
      refs.put(tag.name(), tag.target().name() + " " + tag.name() + "\n" + peeled);
    }
    write(dir.resolve("packed-refs"), PACKED_REFS_HEADER + String.join("", refs.values()));
  }

  /**
   * Only what git needs to read the directory; no remotes, credentials or user settings. {@code
   * abbrev} is pinned only when the shipped pack's own "auto" length would differ from the host's,
   * so that {@code git describe} prints the same hash length.
   */
  static String config(int hostAbbrev, long packedObjects) {
    return "[core]\n"
        + "\trepositoryformatversion = 0\n"
        + "\tfilemode = true\n"
        + "\tbare = false\n"
        + (Abbreviation.auto(packedObjects) == hostAbbrev ? "" : "\tabbrev = " + hostAbbrev + "\n");
  }

  private static void write(Path file, String text) throws IOException {
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
