package dev.crossbuild.maven.workflow;

/**
 * {@code <workflow><setupSteps><setupStep>}: an extra shell step before the build.
 *
 * <pre>{@code
 * <setupStep>
 *   <target>aarch64-apple-darwin</target>  <!-- optional; default: every leg -->
 *   <name>Install nasm</name>
 *   <run>brew install nasm</run>           <!-- bash; no ${{ }} expressions -->
 * </setupStep>
 * }</pre>
 *
 * @since 0.1.0
 */
public class SetupStepParameter {
  /** The target whose leg runs the step; unset means every leg. */
  String target;

  /** The step name shown in the run. */
  String name;

  /** The bash script. */
  String run;

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRun() {
    return run;
  }

  public void setRun(String run) {
    this.run = run;
  }
}
