package dev.crossbuild.examples.hello;

import org.apache.commons.lang3.StringUtils;

/** Prints a greeting that names the JVM's architecture. */
public final class Hello {
  private Hello() {}

  /** The greeting for an architecture, e.g. {@code "Hello from amd64"}. */
  static String greeting(String arch) {
    return "Hello from " + StringUtils.defaultIfBlank(arch, "an unknown architecture");
  }

  public static void main(String[] args) {
    System.out.println(greeting(System.getProperty("os.arch")));
  }
}
