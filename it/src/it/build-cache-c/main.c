#include <stdio.h>
int scale(int x);
int offset(int x);
int main(void) {
  printf("calc: %d\n", offset(scale(20)));
  return 0;
}
