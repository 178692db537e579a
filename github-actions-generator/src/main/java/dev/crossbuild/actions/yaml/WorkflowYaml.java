package dev.crossbuild.actions.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.crossbuild.actions.model.Job;
import dev.crossbuild.actions.model.Step;
import dev.crossbuild.actions.model.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Workflow} as YAML. The only Jackson user of the project. Output is deterministic:
 * keys in a fixed order, no timestamps, no line folding; multi-line scripts as literal blocks;
 * {@code uses:} followed by the pinned version as a comment.
 */
public final class WorkflowYaml {
  private static final Pattern USES_LINE = Pattern.compile("(?m)^(\\s*(?:- )?uses: )(\\S+)$");
  private static final Pattern QUOTED_ON = Pattern.compile("(?m)^[\"']on[\"']:");

  private final YAMLMapper mapper =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  /**
   * The file text: the header lines as {@code #} comments, a blank line, then the workflow.
   *
   * @param workflow the workflow
   * @param header comment lines without the leading {@code #}
   */
  public String render(Workflow workflow, List<String> header) {
    StringBuilder text = new StringBuilder();
    for (String line : header) {
      text.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    text.append('\n');
    String body;
    try {
      body = mapper.writeValueAsString(tree(workflow));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the workflow as YAML", e);
    }
    // YAML 1.1 reads a bare `on` as a boolean, so Jackson quotes it; GitHub and every
    // workflow in the wild write it bare, and GitHub's parser treats it as the key.
    body = QUOTED_ON.matcher(body).replaceFirst("on:");
    return text.append(withVersionComments(body, workflow)).toString();
  }

  private static String withVersionComments(String body, Workflow workflow) {
    Map<String, String> comments = new LinkedHashMap<>();
    for (Job job : workflow.jobs().values()) {
      for (Step step : job.steps()) {
        if (step.uses() != null && step.usesComment() != null) {
          comments.put(step.uses(), step.usesComment());
        }
      }
    }
    Matcher matcher = USES_LINE.matcher(body);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String comment = comments.get(matcher.group(2));
      String replacement = matcher.group(0) + (comment == null ? "" : " # " + comment);
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static Map<String, Object> tree(Workflow workflow) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", workflow.name());
    root.put("on", YamlTree.triggers(workflow.on()));
    root.put("permissions", workflow.permissions().scopes());
    if (workflow.concurrency() != null) {
      Map<String, Object> concurrency = new LinkedHashMap<>();
      concurrency.put("group", workflow.concurrency().group());
      concurrency.put("cancel-in-progress", workflow.concurrency().cancelInProgress());
      root.put("concurrency", concurrency);
    }
    Map<String, Object> jobs = new LinkedHashMap<>();
    workflow.jobs().forEach((id, job) -> jobs.put(id, YamlTree.job(job)));
    root.put("jobs", jobs);
    return root;
  }
}
