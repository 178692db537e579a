package dev.crossbuild.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every goal configured the way Maven configures it, from the plugin descriptor: each {@code -D}
 * property reaches its parameter, the defaults hold without any, and the test POMs' elements (a
 * target's short and long forms side by side) bind. The tables list every property of every goal; a
 * property the descriptor has and a table lacks fails {@link
 * #everyPropertyOfEveryGoalIsInItsTable()}.
 */
@MojoTest
class GoalParametersTest {

  /**
   * A property, the value a user passes, the parameter it reaches, that value as bound, and the
   * default.
   */
  record Binding(String property, String value, String field, Object bound, Object byDefault) {}

  /** A default that is a file under the project's base directory. */
  record InBasedir(String path) {}

  private static final String POMS = "classpath:/unit/";

  private static final List<Binding> BUILD_GOALS =
      List.of(
          new Binding(
              "cross.targets",
              "x86_64-unknown-linux-gnu,aarch64-unknown-linux-gnu",
              "targetSelection",
              "x86_64-unknown-linux-gnu,aarch64-unknown-linux-gnu",
              null),
          new Binding("cross.recipe", "cargo", "recipe", "cargo", null),
          new Binding(
              "cross.image",
              "{repo}/debian:trixie-slim",
              "image",
              "{repo}/debian:trixie-slim",
              null),
          new Binding(
              "cross.caCertificates",
              "corp-ca.pem,/etc/ssl/extra.crt",
              "caCertificates",
              List.of("corp-ca.pem", "/etc/ssl/extra.crt"),
              List.of()),
          new Binding("cross.depsCommand", "make deps", "depsCommand", "make deps", null),
          new Binding("cross.buildCommand", "make all", "buildCommand", "make all", null),
          new Binding(
              "cross.dockerHost",
              "tcp://arm64-box:2376",
              "dockerHost",
              "tcp://arm64-box:2376",
              null),
          new Binding("cross.parallel", "7", "parallel", 7, 2),
          new Binding("cross.engine", "none", "engine", "none", "auto"),
          new Binding(
              "cross.outputDirectory",
              "/srv/cross-out",
              "outputDirectory",
              new File("/srv/cross-out"),
              new InBasedir("target/cross")),
          new Binding("cross.glibcMax", "2.28", "glibcMax", "2.28", null),
          new Binding("cross.glibc", "2.31", "glibc", "2.31", null),
          new Binding("cross.neededLibraries", "fail", "neededLibraries", "fail", "warn"),
          new Binding(
              "cross.smokeTest", "./hello --version", "smokeTest", "./hello --version", null),
          new Binding("cross.buildCache", "directory", "buildCache", "directory", "volume"),
          new Binding(
              "cross.buildCacheDirectory", "/srv/cache", "buildCacheDirectory", "/srv/cache", null),
          new Binding("cross.buildCacheMaxSize", "500M", "buildCacheMaxSize", "500M", "2G"),
          new Binding("cross.skip", "true", "skip", true, false));

  private static final List<Binding> NATIVE_RESOURCES =
      List.of(
          new Binding("cross.nativeResources", "true", "nativeResources", true, false),
          new Binding(
              "cross.nativeResourcePath",
              "lib/native",
              "nativeResourcePath",
              "lib/native",
              "META-INF/native"));

  private static final List<Binding> BUILD =
      concat(
          BUILD_GOALS,
          NATIVE_RESOURCES,
          List.of(
              new Binding("cross.force", "true", "force", true, false),
              new Binding("cross.build.skip", "true", "skipBuild", true, false),
              new Binding(
                  "cross.nativeResources.skip", "true", "skipNativeResources", true, false)));

  private static final List<Binding> PLAN =
      concat(BUILD_GOALS, List.of(new Binding("cross.plan.skip", "true", "skipPlan", true, false)));

  private static final List<Binding> COLLECT =
      concat(
          BUILD_GOALS,
          NATIVE_RESOURCES,
          List.of(new Binding("cross.collect.skip", "true", "skipCollect", true, false)));

  private static final List<Binding> WORKFLOW =
      List.of(
          new Binding(
              "cross.workflow.targets",
              "x86_64-unknown-linux-gnu,aarch64-apple-darwin",
              "targetList",
              "x86_64-unknown-linux-gnu,aarch64-apple-darwin",
              null),
          new Binding("cross.nativeResources", "true", "nativeResources", true, false),
          new Binding(
              "cross.workflow.file",
              "/srv/ci/cross.yml",
              "workflowFile",
              new File("/srv/ci/cross.yml"),
              new InBasedir(".github/workflows/cross-build.yml")),
          new Binding("cross.workflow.check", "true", "check", true, false),
          new Binding("cross.skip", "true", "skip", true, false),
          new Binding("cross.workflow.skip", "true", "skipWorkflow", true, false),
          new Binding("cross.buildCache", "directory", "buildCache", "directory", "volume"),
          new Binding(
              "cross.buildCacheDirectory",
              "/srv/cache",
              "buildCacheDirectory",
              "/srv/cache",
              null));

  private static final List<Binding> RELEASE =
      List.of(
          new Binding("cross.release.tag", "v9.8.7", "tag", "v9.8.7", null),
          new Binding("cross.release.repository", "acme/widget", "repository", "acme/widget", null),
          new Binding(
              "cross.release.apiUrl",
              "https://ghe.example.com/api/v3",
              "apiUrl",
              "https://ghe.example.com/api/v3",
              null),
          new Binding(
              "cross.release.tokenVariable",
              "RELEASE_TOKEN",
              "tokenVariable",
              "RELEASE_TOKEN",
              "GITHUB_TOKEN"),
          new Binding("cross.release.dryRun", "true", "dryRun", true, false),
          new Binding("cross.release.draftOnly", "true", "draftOnly", true, false),
          new Binding(
              "cross.release.artifactsDirectory",
              "/srv/dist",
              "artifactsDirectory",
              new File("/srv/dist"),
              new InBasedir("target/cross")),
          new Binding("cross.release.retries", "0", "retries", 0, 4),
          new Binding("cross.skip", "true", "skip", true, false),
          new Binding("cross.release.skip", "true", "skipRelease", true, false));

  private static final List<Binding> CLEAN =
      concat(
          BUILD_GOALS,
          List.of(
              new Binding("cross.clean.deps", "true", "deps", true, false),
              new Binding("cross.clean.skip", "true", "skipClean", true, false)));

  private static final Map<String, List<Binding>> GOALS =
      Map.of(
          "build",
          BUILD,
          "plan",
          PLAN,
          "collect",
          COLLECT,
          "generate-workflow",
          WORKFLOW,
          "release",
          RELEASE,
          "clean",
          CLEAN);

  @Inject MavenSession session;

  @Test
  void everyPropertyOfEveryGoalIsInItsTable() throws Exception {
    PluginDescriptor plugin;
    try (Reader reader =
        new InputStreamReader(
            Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")),
            StandardCharsets.UTF_8)) {
      plugin = new PluginDescriptorBuilder().build(reader);
    }
    for (MojoDescriptor mojo : plugin.getMojos()) {
      if (mojo.getGoal().equals("help")) {
        continue; // generated by maven-plugin-plugin
      }
      Set<String> declared =
          mojo.getParameters().stream()
              .filter(Parameter::isEditable)
              .map(Parameter::getExpression)
              .filter(Objects::nonNull)
              .map(e -> e.substring(2, e.length() - 1))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(GOALS).as("goals").containsKey(mojo.getGoal());
      Set<String> tested =
          GOALS.get(mojo.getGoal()).stream()
              .map(Binding::property)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(tested).as("the properties of cross:" + mojo.getGoal()).isEqualTo(declared);
    }
  }

  /**
   * Every property of every goal given on the command line at once, as {@code mvn -D...} passes
   * them.
   */
  @Nested
  class EveryPropertyGiven {

    @BeforeEach
    void properties() {
      GOALS.values().stream()
          .flatMap(List::stream)
          .forEach(b -> session.getUserProperties().setProperty(b.property(), b.value()));
    }

    @Test
    @InjectMojo(goal = "build")
    void build(BuildMojo mojo) throws Exception {
      assertBound(mojo, BUILD);
    }

    @Test
    @InjectMojo(goal = "plan")
    void plan(PlanMojo mojo) throws Exception {
      assertBound(mojo, PLAN);
    }

    @Test
    @InjectMojo(goal = "collect")
    void collect(CollectMojo mojo) throws Exception {
      assertBound(mojo, COLLECT);
    }

    @Test
    @InjectMojo(goal = "generate-workflow")
    void generateWorkflow(GenerateWorkflowMojo mojo) throws Exception {
      assertBound(mojo, WORKFLOW);
    }

    @Test
    @InjectMojo(goal = "release")
    void release(ReleaseMojo mojo) throws Exception {
      assertBound(mojo, RELEASE);
    }

    @Test
    @InjectMojo(goal = "clean")
    void clean(CleanMojo mojo) throws Exception {
      assertBound(mojo, CLEAN);
    }

    @Test
    @InjectMojo(goal = "build", pom = POMS + "build/pom.xml")
    void aValueInThePomWinsOverTheProperty(BuildMojo mojo) {
      assertThat(mojo.parallel).as("<parallel>3</parallel> over -Dcross.parallel=7").isEqualTo(3);
      assertThat(mojo.targetSelection)
          .as("-Dcross.targets, which the POM does not set")
          .isEqualTo("x86_64-unknown-linux-gnu,aarch64-unknown-linux-gnu");
    }
  }

  /** No property given: every parameter has its documented default. */
  @Nested
  class NoPropertyGiven {

    @Test
    @InjectMojo(goal = "build")
    void build(BuildMojo mojo) throws Exception {
      assertDefaults(mojo, BUILD);
      assertThat(mojo.plugin.getArtifactId()).isEqualTo("cross-build-maven-plugin");
    }

    @Test
    @InjectMojo(goal = "plan")
    void plan(PlanMojo mojo) throws Exception {
      assertDefaults(mojo, PLAN);
    }

    @Test
    @InjectMojo(goal = "collect")
    void collect(CollectMojo mojo) throws Exception {
      assertDefaults(mojo, COLLECT);
    }

    @Test
    @InjectMojo(goal = "generate-workflow")
    void generateWorkflow(GenerateWorkflowMojo mojo) throws Exception {
      assertDefaults(mojo, WORKFLOW);
    }

    @Test
    @InjectMojo(goal = "release")
    void release(ReleaseMojo mojo) throws Exception {
      assertDefaults(mojo, RELEASE);
    }

    @Test
    @InjectMojo(goal = "clean")
    void clean(CleanMojo mojo) throws Exception {
      assertDefaults(mojo, CLEAN);
    }
  }

  /** The test POMs' configuration, as a user writes it in {@code <configuration>}. */
  @Nested
  class ThePom {

    @Test
    @InjectMojo(goal = "build", pom = POMS + "build/pom.xml")
    void buildTakesBothTargetFormsAndEveryKindOfElement(BuildMojo mojo) {
      assertThat(mojo.targets)
          .extracting(TargetParameter::getTriple)
          .containsExactly("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu");
      TargetParameter shortForm = mojo.targets.get(0);
      assertThat(
              Stream.of(
                  shortForm.getStrategy(),
                  shortForm.getBuilder(),
                  shortForm.getImage(),
                  shortForm.getClassifier(),
                  shortForm.getSmokeTest(),
                  shortForm.getNativeResourceDir(),
                  shortForm.getGlibc()))
          .containsOnlyNulls();
      TargetParameter longForm = mojo.targets.get(1);
      assertThat(longForm.getStrategy()).isEqualTo("emulated");
      assertThat(longForm.getBuilder()).isEqualTo("arm64-box");
      assertThat(longForm.getImage()).isEqualTo("{repo}/debian:trixie-slim");
      assertThat(longForm.getClassifier()).isEqualTo("linux-arm64");
      assertThat(longForm.getSmokeTest())
          .as("<smokeTest>none</smokeTest> turns the plugin's off")
          .isEmpty();
      assertThat(longForm.getNativeResourceDir()).isEqualTo("org/example/native/arm64");
      assertThat(longForm.getGlibc()).isEqualTo("2.31");
      assertThat(mojo.recipe).isEqualTo("make");
      assertThat(mojo.setup).containsExactly("zlib1g-dev");
      assertThat(mojo.buildTools).containsExactly("protobuf-compiler");
      assertThat(mojo.setupCommands).containsExactly("echo deps");
      assertThat(mojo.manifests).containsExactly("deps.txt");
      assertThat(mojo.artifacts).containsExactly("build/libhello.so");
      assertThat(mojo.env).containsExactly(Map.entry("CFLAGS", "-O2"));
      assertThat(mojo.builders)
          .singleElement()
          .satisfies(
              b -> {
                assertThat(b.getId()).isEqualTo("arm64-box");
                assertThat(b.getHost()).isEqualTo("tcp://arm64-box:2376");
                assertThat(b.getTlsVerify()).isTrue();
                assertThat(b.getCertPath()).isEqualTo("/certs/arm64-box");
                assertThat(b.getMaxParallel()).isEqualTo(3);
              });
      assertThat(mojo.cache.getRepository()).isEqualTo("registry.example.com/team/cache");
      assertThat(mojo.cache.getPush()).isTrue();
      assertThat(mojo.cache.getPull()).isNull();
      assertThat(mojo.smokeTest).isEqualTo("./hello --version");
      assertThat(mojo.smokePackages).containsExactly("zlib1g");
      assertThat(mojo.smokeFiles).containsExactly("src/smoke");
      assertThat(mojo.parallel).isEqualTo(3);
      assertThat(mojo.nativeResources).isTrue();
    }

    @Test
    @InjectMojo(goal = "plan", pom = POMS + "plan/pom.xml")
    void planTakesBothTargetForms(PlanMojo mojo) {
      assertThat(mojo.targets)
          .extracting(TargetParameter::getTriple, TargetParameter::getStrategy)
          .containsExactly(
              tuple("x86_64-unknown-linux-gnu", null), tuple("aarch64-unknown-linux-gnu", "cross"));
      assertThat(mojo.engine).isEqualTo("none");
    }

    @Test
    @InjectMojo(goal = "collect", pom = POMS + "collect/pom.xml")
    void collectTakesBothTargetForms(CollectMojo mojo) {
      assertThat(mojo.targets)
          .extracting(
              TargetParameter::getTriple,
              TargetParameter::getClassifier,
              TargetParameter::getNativeResourceDir)
          .containsExactly(
              tuple("x86_64-unknown-linux-gnu", null, null),
              tuple("aarch64-unknown-linux-gnu", "linux-arm64", "org/example/native/arm64"));
      assertThat(mojo.nativeResources).isTrue();
      assertThat(mojo.nativeResourcePath).isEqualTo("lib/native");
    }

    @Test
    @InjectMojo(goal = "generate-workflow", pom = POMS + "generate-workflow/pom.xml")
    void generateWorkflowTakesBothTargetFormsAndARelativeFile(GenerateWorkflowMojo mojo)
        throws Exception {
      List<TargetParameter> targets = getVariableValueFromObject(mojo, "targets");
      assertThat(targets)
          .extracting(TargetParameter::getTriple, TargetParameter::getClassifier)
          .containsExactly(
              tuple("x86_64-unknown-linux-gnu", null), tuple("aarch64-apple-darwin", "osx-arm64"));
      assertThat((File) getVariableValueFromObject(mojo, "workflowFile"))
          .isEqualTo(new File(MojoExtension.getBasedir(), "ci/cross.yml"));
    }

    @Test
    @InjectMojo(goal = "release", pom = POMS + "release/parameters.xml")
    void releaseTakesEveryElement(ReleaseMojo mojo) throws Exception {
      assertThat(MojoExtension.getVariablesAndValuesFromObject(ReleaseMojo.class, mojo))
          .contains(
              Map.entry("tag", "v1.2.3"), Map.entry("repository", "acme/widget"),
              Map.entry("apiUrl", "https://ghe.example.com/api/v3"),
                  Map.entry("tokenVariable", "RELEASE_TOKEN"),
              Map.entry("dryRun", true), Map.entry("draftOnly", true),
              Map.entry("artifactsDirectory", new File(MojoExtension.getBasedir(), "dist")),
                  Map.entry("retries", 1));
    }
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  private static void assertBound(Mojo mojo, List<Binding> bindings) throws IllegalAccessException {
    for (Binding b : bindings) {
      assertThat((Object) getVariableValueFromObject(mojo, b.field()))
          .as("-D%s=%s reaches <%s>", b.property(), b.value(), b.field())
          .isEqualTo(b.bound());
    }
  }

  private static void assertDefaults(Mojo mojo, List<Binding> bindings)
      throws IllegalAccessException {
    for (Binding b : bindings) {
      Object expected =
          b.byDefault() instanceof InBasedir f
              ? new File(MojoExtension.getBasedir(), f.path())
              : b.byDefault();
      assertThat((Object) getVariableValueFromObject(mojo, b.field()))
          .as("<%s> without -D%s", b.field(), b.property())
          .isEqualTo(expected);
    }
  }

  @SafeVarargs
  private static List<Binding> concat(List<Binding>... lists) {
    List<Binding> all = new ArrayList<>();
    for (List<Binding> list : lists) {
      all.addAll(list);
    }
    return List.copyOf(all);
  }
}
