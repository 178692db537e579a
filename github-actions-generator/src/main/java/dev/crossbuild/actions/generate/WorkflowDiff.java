package dev.crossbuild.actions.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A short, line-based difference between the committed workflow file and the one the current
 * configuration generates: the first differing lines with their line numbers, enough to see what is
 * stale without flooding the build log.
 */
public final class WorkflowDiff {
  private WorkflowDiff() {}

  /**
   * The differing region as {@code -} (committed) and {@code +} (generated) lines, or an empty
   * string when the texts are equal.
   *
   * @param committed the file on disk
   * @param generated the file the configuration gives
   * @param maxLines how many lines of each side to show at most
   */
  public static String describe(String committed, String generated, int maxLines) {
    if (committed.equals(generated)) {
      return "";
    }
    List<String> before = List.of(committed.split("\n", -1));
    List<String> after = List.of(generated.split("\n", -1));
    int start = 0;
    while (start < before.size()
        && start < after.size()
        && before.get(start).equals(after.get(start))) {
      start++;
    }
    int endBefore = before.size();
    int endAfter = after.size();
    while (endBefore > start
        && endAfter > start
        && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
      endBefore--;
      endAfter--;
    }
    List<String> out = new ArrayList<>();
    out.add("@@ line " + (start + 1) + " @@");
    addSide(out, "- ", before.subList(start, endBefore), maxLines);
    addSide(out, "+ ", after.subList(start, endAfter), maxLines);
    return String.join("\n", out);
  }

  private static void addSide(List<String> out, String marker, List<String> lines, int maxLines) {
    lines.stream().limit(maxLines).forEach(line -> out.add(marker + line));
    if (lines.size() > maxLines) {
      out.add(marker + "... " + (lines.size() - maxLines) + " more line(s)");
    }
  }
}
