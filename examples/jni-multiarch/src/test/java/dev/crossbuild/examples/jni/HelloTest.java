package dev.crossbuild.examples.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HelloTest {
  @Test
  void addsInNativeCode() {
    assertEquals(5, Hello.add(2, 3));
    assertEquals(-1, Hello.add(Integer.MAX_VALUE, Integer.MIN_VALUE));
  }

  @Test
  void libraryMatchesTheJvmArchitecture() {
    String expected = NativeLoader.classifier().endsWith("aarch_64") ? "aarch64" : "x86_64";
    assertEquals(expected, Hello.arch());
  }
}
