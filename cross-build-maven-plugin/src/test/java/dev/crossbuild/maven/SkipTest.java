package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dcross.skip=true} skips every goal and {@code -Dcross.<goal>.skip=true} that goal: each
 * does nothing but log one INFO line naming the property. (Run for real, every goal here would
 * fail: no targets, no engine, no tag.)
 */
@MojoTest
class SkipTest {

  @Inject MavenSession session;

  final List<String> log = new ArrayList<>();

  @Provides
  Log log() {
    return new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        log.add("[info] " + content);
      }

      @Override
      public void warn(CharSequence content) {
        log.add("[warn] " + content);
      }
    };
  }

  private void assertSkipped(Mojo mojo, String line) throws Exception {
    mojo.execute();
    assertThat(log).containsExactly("[info] " + line);
  }

  @Nested
  class CrossSkip {

    @BeforeEach
    void property() {
      session.getUserProperties().setProperty("cross.skip", "true");
    }

    @Test
    @InjectMojo(goal = "plan")
    void plan(PlanMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:plan (cross.skip=true)");
    }

    @Test
    @InjectMojo(goal = "build")
    void build(BuildMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:build (cross.skip=true)");
    }

    @Test
    @InjectMojo(goal = "collect")
    void collect(CollectMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:collect (cross.skip=true)");
    }

    @Test
    @InjectMojo(goal = "generate-workflow")
    void generateWorkflow(GenerateWorkflowMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:generate-workflow (cross.skip=true)");
    }

    @Test
    @InjectMojo(goal = "release")
    void release(ReleaseMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:release (cross.skip=true)");
    }
  }

  /** Every goal's own skip property given at once: each goal is skipped by its own. */
  @Nested
  class EachGoalsOwn {

    @BeforeEach
    void properties() {
      for (String property :
          List.of(
              "cross.plan.skip",
              "cross.build.skip",
              "cross.collect.skip",
              "cross.workflow.skip",
              "cross.release.skip")) {
        session.getUserProperties().setProperty(property, "true");
      }
    }

    @Test
    @InjectMojo(goal = "plan")
    void plan(PlanMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:plan (cross.plan.skip=true)");
    }

    @Test
    @InjectMojo(goal = "build")
    void build(BuildMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:build (cross.build.skip=true)");
    }

    @Test
    @InjectMojo(goal = "collect")
    void collect(CollectMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:collect (cross.collect.skip=true)");
    }

    @Test
    @InjectMojo(goal = "generate-workflow")
    void generateWorkflow(GenerateWorkflowMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:generate-workflow (cross.workflow.skip=true)");
    }

    @Test
    @InjectMojo(goal = "release")
    void release(ReleaseMojo mojo) throws Exception {
      assertSkipped(mojo, "Skipping cross:release (cross.release.skip=true)");
    }
  }

  /** The generated package job's {@code cross:collect verify -Dcross.build.skip=true}. */
  @Nested
  class BuildSkip {

    @BeforeEach
    void property() {
      session.getUserProperties().setProperty("cross.build.skip", "true");
    }

    @Test
    @InjectMojo(goal = "collect")
    void leavesCollectRunning(CollectMojo mojo) {
      assertThatThrownBy(mojo::execute)
          .isInstanceOf(MojoFailureException.class)
          .hasMessageContaining("No targets");
      assertThat(log).noneMatch(line -> line.contains("Skipping"));
    }
  }
}
