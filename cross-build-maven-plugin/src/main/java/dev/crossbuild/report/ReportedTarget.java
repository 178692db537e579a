package dev.crossbuild.report;

import dev.crossbuild.stage.TargetResult;

/**
 * One target as the report shows it: what the build returned and the checksums of what it wrote.
 *
 * @param result what building the target produced
 * @param checksums the SHA-256 of its archive and files
 */
record ReportedTarget(TargetResult result, Checksums checksums) {}
