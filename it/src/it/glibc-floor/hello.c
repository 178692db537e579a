/* A program with a thread: on glibc 2.34+ pthread_create is GLIBC_2.34, on bullseye's 2.31 it is older. */
#include <gnu/libc-version.h>
#include <pthread.h>
#include <stdio.h>

static void *work(void *arg) {
  (void) arg;
  return NULL;
}

int main(void) {
  pthread_t thread;
  if (pthread_create(&thread, NULL, work, NULL) != 0 || pthread_join(thread, NULL) != 0) {
    return 1;
  }
  printf("hello on glibc %s\n", gnu_get_libc_version());
  return 0;
}
