package dev.crossbuild.examples.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A loader with a layout of its own, as many JNI libraries have: {@code native/<OS>/<arch>/} next to this
 * class, with {@code Linux} and {@code x86_64} / {@code arm64}, not cross-build's classifiers.
 */
public final class NativeLoader {
  private NativeLoader() {}

  static String folder() {
    String os = System.getProperty("os.name");
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart = os.startsWith("Linux") ? "Linux" : os.startsWith("Mac") ? "Mac" : os.split(" ")[0];
    String archPart =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    return osPart + "/" + archPart;
  }

  public static void load(String name) {
    String file = System.mapLibraryName(name);
    String resource = "native/" + folder() + "/" + file;
    try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnsatisfiedLinkError("No native library for this platform next to the loader: " + resource);
      }
      Path copy = Files.createTempFile(name + "-", file.substring(file.lastIndexOf('.')));
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      System.load(copy.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UnsatisfiedLinkError("Could not extract " + resource + ": " + e.getMessage());
    }
  }
}
