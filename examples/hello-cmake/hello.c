/* A tiny program that links zlib, found by CMake with find_package(ZLIB). */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#if defined(__aarch64__)
#define ARCH "aarch64"
#elif defined(__x86_64__)
#define ARCH "x86_64"
#else
#define ARCH "other"
#endif

#ifndef BUILD
#define BUILD "unknown"
#endif

int main(void) {
  const char *message = "cross-build";
  unsigned long crc = crc32(0L, (const unsigned char *) message, (unsigned int) strlen(message));
  printf("hello from %s: zlib %s, crc32(\"%s\") = %08lx, build %s\n", ARCH, zlibVersion(), message, crc,
         BUILD);
  return 0;
}
