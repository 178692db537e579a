package dev.crossbuild.maven;

/**
 * A {@code <target>} in the POM: either just the triple, {@code
 * <target>aarch64-unknown-linux-gnu</target>}, or an element with {@code <triple>} and optional
 * {@code <strategy>}, {@code <builder>}, {@code <image>}, {@code <classifier>}, {@code
 * <smokeTest>}, {@code <nativeResourceDir>}, {@code <glibc>}.
 */
public class TargetParameter {

  /** The {@code <smokeTest>} that turns the plugin's smoke test off for one target. */
  static final String NO_SMOKE_TEST = "none";

  private String triple;
  private String strategy;
  private String builder;
  private String image;
  private String classifier;
  private String smokeTest;
  private String nativeResourceDir;
  private String glibc;

  /** Called by Maven for the short form {@code <target>triple</target>}. */
  public void set(String value) {
    this.triple = value;
  }

  public String getTriple() {
    return triple;
  }

  public void setTriple(String triple) {
    this.triple = triple;
  }

  public String getStrategy() {
    return strategy;
  }

  public void setStrategy(String strategy) {
    this.strategy = strategy;
  }

  public String getBuilder() {
    return builder;
  }

  public void setBuilder(String builder) {
    this.builder = builder;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getClassifier() {
    return classifier;
  }

  public void setClassifier(String classifier) {
    this.classifier = classifier;
  }

  /**
   * This target's own smoke test; {@code none} turns the plugin's off for it, as an empty string
   * (Maven never passes an empty element, {@code <smokeTest/>}, to a setter).
   */
  public String getSmokeTest() {
    return smokeTest;
  }

  public void setSmokeTest(String smokeTest) {
    this.smokeTest = smokeTest == null || smokeTest.strip().equals(NO_SMOKE_TEST) ? "" : smokeTest;
  }

  /**
   * Where this target's outputs go in the classes with {@code <nativeResources>} on, instead of
   * {@code <nativeResourcePath>/<classifier>}: for a library whose own loader looks elsewhere, e.g.
   * {@code org/fusesource/jansi/internal/native/Linux/arm64}. A relative path inside the jar.
   */
  public String getNativeResourceDir() {
    return nativeResourceDir;
  }

  public void setNativeResourceDir(String nativeResourceDir) {
    this.nativeResourceDir = nativeResourceDir;
  }

  /**
   * The glibc this target's outputs must run on, e.g. {@code 2.31}, over the plugin's {@code
   * <glibc>}: its base image becomes the newest Debian release with that glibc or an older one, and
   * the audit fails an output that needs a newer one. Only for glibc Linux targets: on a musl,
   * macOS or Windows target it is an error.
   */
  public String getGlibc() {
    return glibc;
  }

  public void setGlibc(String glibc) {
    this.glibc = glibc;
  }
}
