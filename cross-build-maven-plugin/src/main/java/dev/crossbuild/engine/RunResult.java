package dev.crossbuild.engine;

/** Exit code and combined stdout/stderr of a container run. */
public record RunResult(int exitCode, String output) {}
