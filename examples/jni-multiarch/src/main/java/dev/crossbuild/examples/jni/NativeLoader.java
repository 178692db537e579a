package dev.crossbuild.examples.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads {@code META-INF/native/<classifier>/<library file>} from the classpath, where the classifier names this
 * JVM's platform the way cross-build does ({@code linux-x86_64}, {@code linux-aarch_64}, {@code osx-aarch_64},
 * {@code windows-x86_64}) and the file is {@link System#mapLibraryName} ({@code libhello.so},
 * {@code libhello.dylib}, {@code hello.dll}).
 */
public final class NativeLoader {
  private NativeLoader() {}

  /** The classifier of the running JVM, e.g. {@code linux-x86_64}. */
  public static String classifier() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx"
        : os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z0-9]", "");
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
    String file = System.mapLibraryName(name);
    String resource = "/META-INF/native/" + classifier() + "/" + file;
    try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnsatisfiedLinkError("No native library for this platform on the classpath: " + resource);
      }
      // The same suffix as the library's own: Windows loads only a .dll.
      Path copy = Files.createTempFile(name + "-", file.substring(file.lastIndexOf('.')));
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      System.load(copy.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UnsatisfiedLinkError("Could not extract " + resource + ": " + e.getMessage());
    }
  }
}
