package dev.crossbuild.examples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HelloTest {
  @Test
  void namesTheArchitecture() {
    assertEquals("Hello from aarch64", Hello.greeting("aarch64"));
  }

  @Test
  void blankArchitectureIsUnknown() {
    assertEquals("Hello from an unknown architecture", Hello.greeting(" "));
  }
}
