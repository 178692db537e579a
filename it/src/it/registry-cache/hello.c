#include <stdio.h>
#include <zstd.h>

int main(void) {
  printf("hello from the registry cache IT, zstd %s\n", ZSTD_versionString());
  return 0;
}
