/* A shared library with a SONAME, installed the way real projects do: libgreet.so -> .so.1 -> .so.1.2.3 */
#include <stdio.h>
const char *greet_version(void) { return "1.2.3"; }
void greet(const char *who) { printf("hello, %s (libgreet %s)\n", who, greet_version()); }
