package dev.crossbuild.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.target.Target;
import dev.crossbuild.target.TargetCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs stage's audit on programs the host's gcc makes: the libc must be the target's. */
class OutputAuditTest {

  private static final TargetCatalog CATALOG = TargetCatalog.builtIn();

  @TempDir Path dir;

  @Test
  void aGlibcProgramFailsAMuslTargetAndPassesAGlibcOne() throws Exception {
    Path program = compile("hello", "int main(void) { return 0; }\n", false);
    Target musl = CATALOG.resolve("x86_64-unknown-linux-musl");
    Target gnu = CATALOG.resolve("x86_64-unknown-linux-gnu");

    assertThat(OutputAudit.check(gnu, program.getParent(), null)).hasSize(1);
    assertThatThrownBy(() -> OutputAudit.check(musl, program.getParent(), null))
        .isInstanceOf(OutputAudit.OutputCheckException.class)
        .hasMessageContaining("hello")
        .hasMessageContaining("/lib64/ld-linux-x86-64.so.2")
        .hasMessageContaining("x86_64-unknown-linux-musl")
        .hasMessageContaining("$CC");
  }

  @Test
  void evenAStaticGlibcProgramFailsAMuslTarget() throws Exception {
    Path program = compile("tool", "int main(void) { return 0; }\n", true);
    Target musl = CATALOG.resolve("x86_64-unknown-linux-musl");

    assertThatThrownBy(() -> OutputAudit.check(musl, program.getParent(), null))
        .isInstanceOf(OutputAudit.OutputCheckException.class)
        .hasMessageContaining("tool")
        .hasMessageContaining(".note.ABI-tag");
  }

  @Test
  void theFloorSetsTheCeilingAndIsNamed() throws Exception {
    Path program = compile("hello", "int main(void) { return 0; }\n", false);
    Target gnu = CATALOG.resolve("x86_64-unknown-linux-gnu");

    // The host's glibc (2.34 or later gives every program GLIBC_2.34) is above a floor of 2.17.
    assertThatThrownBy(() -> OutputAudit.check(gnu, program.getParent(), "2.17", "2.17"))
        .isInstanceOf(OutputAudit.OutputCheckException.class)
        .hasMessageContaining("<glibc>2.17</glibc> (-Dcross.glibc)");
    assertThatThrownBy(() -> OutputAudit.check(gnu, program.getParent(), "2.17", null))
        .isInstanceOf(OutputAudit.OutputCheckException.class)
        .hasMessageContaining("<glibcMax>2.17</glibcMax>");
  }

  private Path compile(String name, String source, boolean isStatic) throws Exception {
    Path src = dir.resolve(name + ".c");
    Files.writeString(src, source);
    Path out = Files.createDirectories(dir.resolve("out")).resolve(name);
    ProcessBuilder gcc =
        isStatic
            ? new ProcessBuilder("gcc", "-static", "-o", out.toString(), src.toString())
            : new ProcessBuilder("gcc", "-o", out.toString(), src.toString());
    // gcc and libc6-dev: it/engine/setup.sh installs them.
    Process p = gcc.redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("gcc finished").isTrue();
    assertThat(p.exitValue()).as("gcc: %s", output).isZero();
    return out;
  }
}
