#include <lz4.h>
#include <stdio.h>

int main(void) {
  printf("hello from the authenticated cache IT, lz4 %s\n", LZ4_versionString());
  return 0;
}
