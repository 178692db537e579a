/* A program that says which C library it was built against. */
#include <stdio.h>
#ifdef WITH_ZLIB
#include <zlib.h>
#endif

void greet(const char *who);

int main(void) {
#if defined(__GLIBC__)
  greet("glibc");
#else
  greet("musl");
#endif
#ifdef WITH_ZLIB
  printf("zlib %s\n", zlibVersion());
#endif
  return 0;
}
