#include <stdio.h>

#if defined(__x86_64__)
#define ARCH "x86_64"
#elif defined(__aarch64__)
#define ARCH "aarch64"
#elif defined(__arm__)
#define ARCH "arm"
#else
#define ARCH "other"
#endif

int main(void) {
  printf("hello %s commit %s at %s, %s changes (project %s, described %s) on %s\n", VERSION, COMMIT,
         COMMIT_TIME, CHANGES, PROJECT, DESCRIBED, ARCH);
  return 0;
}
