package dev.crossbuild.examples.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HelloTest {
  @Test
  void addsInNativeCodeLoadedFromTheLoadersOwnFolder() {
    assertEquals(5, Hello.add(2, 3));
    assertEquals(NativeLoader.folder().endsWith("arm64") ? "aarch64" : "x86_64", Hello.arch());
  }
}
