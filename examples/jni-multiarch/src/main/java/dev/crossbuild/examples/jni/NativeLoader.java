package dev.crossbuild.examples.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads {@code META-INF/native/<classifier>/lib<name>.so} from the classpath, where the classifier
 * names this JVM's platform the way cross-build does: {@code linux-x86_64}, {@code linux-aarch_64}.
 */
public final class NativeLoader {
  private NativeLoader() {}

  /** The classifier of the running JVM, e.g. {@code linux-x86_64}. */
  public static String classifier() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.startsWith("linux") ? "linux" : os.replaceAll("[^a-z0-9]", "");
    String archPart =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch_64";
          default -> arch;
        };
    return osPart + "-" + archPart;
  }

  /** Extracts the library to a temporary file (a JVM can only load native code from a file) and loads it. */
  public static void load(String name) {
    String resource = "/META-INF/native/" + classifier() + "/" + System.mapLibraryName(name);
    try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnsatisfiedLinkError("No native library for this platform on the classpath: " + resource);
      }
      Path file = Files.createTempFile("lib" + name + "-", ".so");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      System.load(file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UnsatisfiedLinkError("Could not extract " + resource + ": " + e.getMessage());
    }
  }
}
