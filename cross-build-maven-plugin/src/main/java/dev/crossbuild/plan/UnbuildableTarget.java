package dev.crossbuild.plan;

/**
 * Why a target cannot be built here and what would make it buildable.
 *
 * @param triple the target
 * @param problem what is missing, e.g. {@code no builder runs linux/riscv64 and QEMU is not
 *     registered on 'local'}
 * @param remedy what to do, e.g. the binfmt command or the CI runner
 */
public record UnbuildableTarget(String triple, String problem, String remedy) {}
