/* A tiny program that links zlib, so that the deps stage has a real library to install per architecture. */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#if defined(__aarch64__)
#define ARCH "aarch64"
#elif defined(__x86_64__)
#define ARCH "x86_64"
#elif defined(__arm__)
#define ARCH "armv7"
#elif defined(__riscv) && __riscv_xlen == 64
#define ARCH "riscv64"
#else
#define ARCH "other"
#endif

int main(void) {
  const char *message = "cross-build";
  unsigned long crc = crc32(0L, (const unsigned char *) message, (unsigned int) strlen(message));
  printf("hello from %s: zlib %s, crc32(\"%s\") = %08lx\n", ARCH, zlibVersion(), message, crc);
  return 0;
}
