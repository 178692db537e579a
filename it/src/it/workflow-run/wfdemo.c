#include <bzlib.h>
#include <stdio.h>

int main(void) {
  printf("wfdemo 1.0.0, bzip2 %s\n", BZ2_bzlibVersion());
  return 0;
}
