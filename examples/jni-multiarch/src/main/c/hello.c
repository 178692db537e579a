/* The native half of dev.crossbuild.examples.jni.Hello. */
#include <jni.h>

#if defined(__aarch64__)
#define ARCH "aarch64"
#elif defined(__x86_64__)
#define ARCH "x86_64"
#else
#define ARCH "other"
#endif

JNIEXPORT jint JNICALL Java_dev_crossbuild_examples_jni_Hello_add(JNIEnv *env, jclass cls, jint a, jint b) {
  (void) env;
  (void) cls;
  /* Java int arithmetic wraps; do the same without signed overflow in C. */
  return (jint) ((unsigned int) a + (unsigned int) b);
}

JNIEXPORT jstring JNICALL Java_dev_crossbuild_examples_jni_Hello_arch(JNIEnv *env, jclass cls) {
  (void) cls;
  return (*env)->NewStringUTF(env, ARCH);
}
