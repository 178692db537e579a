#include <stdio.h>
#include <zlib.h>

int main(void) {
  printf("wfdemo 1.0.0, zlib %s\n", zlibVersion());
  return 0;
}
