package dev.crossbuild.examples.jni;

/** Two functions implemented in C (src/main/c/hello.c), loaded from the jar by {@link NativeLoader}. */
public final class Hello {
  static {
    NativeLoader.load("hello");
  }

  private Hello() {}

  /** Adds in native code. */
  public static native int add(int a, int b);

  /** The architecture the native library was compiled for, e.g. {@code "aarch64"}. */
  public static native String arch();

  public static void main(String[] args) {
    System.out.println("native " + arch() + ": 2 + 3 = " + add(2, 3));
  }
}
