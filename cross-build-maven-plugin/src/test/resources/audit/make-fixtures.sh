#!/bin/sh
# Rebuilds the ELF fixtures read by BinaryAuditTest (dev.crossbuild.audit).
#
# Run from anywhere on Debian bookworm (amd64); the binaries land next to this script:
#   apt-get update -qq && apt-get install -y -qq gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf g++
#   sh src/test/resources/audit/make-fixtures.sh
#
# Every fixture is built small on purpose (-Os, -s, 4 KiB pages) so that it can be checked in.
# The expected machine, interpreter, NEEDED list and GLIBC/GLIBCXX versions written in
# BinaryAuditTest were taken from `readelf -d`, `readelf -V` and `objdump -T` of these files;
# a rebuild with another toolchain may change them (e.g. the glibc version), so re-check then.
# Mach-O and PE fixtures cannot be built here (no compiler); the test makes them as byte arrays.
set -eu

cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

FLAGS="-Os -s -Wl,-z,max-page-size=4096 -Wl,-z,noseparate-code -Wl,--build-id=none"

cat > "$work/hello.c" <<'C'
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
C

# No libc at all: a static glibc program weighs ~700 KiB, while this one is a few KiB and is
# still a static executable (no PT_INTERP, no PT_DYNAMIC).
cat > "$work/static.c" <<'C'
void _start(void) {
  __asm__ volatile("mov $60, %eax\n\txor %edi, %edi\n\tsyscall");
}
C

cat > "$work/mathlib.c" <<'C'
#include <math.h>
double hypotenuse(double a, double b) { return sqrt(a * a + b * b); }
C

cat > "$work/hello.cpp" <<'CPP'
#include <iostream>
#include <string>
int main(int argc, char **argv) {
  std::string name = argc > 1 ? argv[1] : "world";
  std::cout << "hello " << name << std::endl;
  return 0;
}
CPP

gcc $FLAGS -o x86_64-dynamic "$work/hello.c"
gcc $FLAGS -static -no-pie -nostdlib -o x86_64-static "$work/static.c"
aarch64-linux-gnu-gcc $FLAGS -o aarch64-dynamic "$work/hello.c"
arm-linux-gnueabihf-gcc $FLAGS -o armhf-dynamic "$work/hello.c"
# --no-as-needed keeps libm in NEEDED even if the compiler inlines sqrt.
gcc $FLAGS -shared -fPIC -fno-builtin -o libmathlib.so "$work/mathlib.c" -Wl,--no-as-needed -lm
g++ $FLAGS -o x86_64-cxx "$work/hello.cpp"

# Negative case: a file whose ELF magic matches but whose header stops early.
head -c 30 x86_64-dynamic > truncated.elf

ls -l x86_64-dynamic x86_64-static aarch64-dynamic armhf-dynamic libmathlib.so x86_64-cxx truncated.elf
