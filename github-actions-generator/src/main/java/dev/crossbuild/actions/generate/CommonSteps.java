package dev.crossbuild.actions.generate;

import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.runners.PinnedActions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The steps several jobs share, each action pinned from the catalog. */
final class CommonSteps {
  static final String ARCHIVE_DIR = "target/cross";

  private final PinnedActions actions;

  CommonSteps(PinnedActions actions) {
    this.actions = actions;
  }

  Step checkout() {
    return use("Check out", PinnedActions.CHECKOUT, Map.of("persist-credentials", false));
  }

  Step setupJava(WorkflowRequest request) {
    return setupJava(request, Map.of());
  }

  /** Java as the build legs get it, with further inputs after the common ones. */
  Step setupJava(WorkflowRequest request, Map<String, Object> more) {
    Map<String, Object> with = new LinkedHashMap<>();
    with.put("distribution", request.javaDistribution());
    with.put("java-version", request.javaVersion());
    with.put("cache", "maven");
    with.putAll(more);
    return use("Set up Java", PinnedActions.SETUP_JAVA, with);
  }

  /**
   * Every artifact whose name matches {@code pattern}, its files side by side in {@link
   * #ARCHIVE_DIR}.
   */
  Step downloadArchives(String pattern) {
    Map<String, Object> download = new LinkedHashMap<>();
    download.put("pattern", pattern);
    download.put("path", ARCHIVE_DIR);
    download.put("merge-multiple", true);
    return use("Download archives", PinnedActions.DOWNLOAD_ARTIFACT, download);
  }

  Step use(String name, String action, Map<String, Object> with) {
    var pin = actions.get(action);
    return Step.uses(name, pin.uses(), pin.version(), with);
  }

  /**
   * The action in {@code directory} of the pinned repository {@code action}, e.g. actions/cache's
   * restore.
   */
  Step use(String name, String action, String directory, Map<String, Object> with) {
    var pin = actions.get(action);
    return Step.uses(name, pin.uses(directory), pin.version(), with);
  }

  // Every script ends with a line break so that it is written as a literal block (`run: |`),
  // which keeps shell quotes readable and never needs YAML escaping.
  static String script(String text) {
    return text.strip() + "\n";
  }
}
