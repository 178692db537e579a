package dev.crossbuild.maven.workflow;

/**
 * {@code <workflow><runners><runner>}: the CI runner of one target instead of the catalog's.
 *
 * <pre>{@code
 * <runner>
 *   <target>riscv64gc-unknown-linux-gnu</target>
 *   <label>riscv-builder</label>   <!-- the runs-on label -->
 *   <qemu>false</qemu>             <!-- optional; default: what the catalog says for the target -->
 * </runner>
 * }</pre>
 *
 * @since 0.1.0
 */
public class RunnerParameter {
  /** The target triple. */
  String target;

  /** The {@code runs-on} label (a self-hosted or larger runner). */
  String label;

  /** Whether the leg needs QEMU; unset keeps the catalog's answer for the target. */
  Boolean qemu;

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public Boolean getQemu() {
    return qemu;
  }

  public void setQemu(Boolean qemu) {
    this.qemu = qemu;
  }
}
