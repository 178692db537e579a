// Jobs: needs order, if, skipping, outputs, matrix legs on runners this machine can and cannot be.
import assert from "node:assert/strict";
import { test } from "node:test";
import { makeRepo, outputOf, runTool, stepOf } from "./helpers.mjs";

const repo = makeRepo().dir;

test("jobs run in needs order, pass outputs, and skip as GitHub does", async () => {
  const workflow = `
on: push
jobs:
  last:
    needs: [middle, off]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "last sees middle=\${{ needs.middle.result }} off=\${{ needs.off.result }}"
  middle:
    needs: first
    runs-on: ubuntu-latest
    steps:
      - run: echo "middle got \${{ needs.first.outputs.answer }}"
  first:
    runs-on: ubuntu-22.04
    outputs:
      answer: \${{ steps.compute.outputs.value }}
    steps:
      - id: compute
        run: echo "value=42" >> "$GITHUB_OUTPUT"
  off:
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - run: echo off-ran
  after-off:
    needs: off
    runs-on: ubuntu-latest
    steps:
      - run: echo after-off-ran
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(r.report.jobs.map((j) => [j.id, j.result]), [
    ["first", "success"],
    ["middle", "success"],
    ["off", "skipped"],
    ["last", "success"], // ready before after-off, and first in the file
    ["after-off", "skipped"],
  ]);
  assert.deepEqual(outputOf(r.stdout, "middle", 1, 'Run echo "middle got ${{ needs.first.outputs.answer }}"'), ["middle got 42"]);
  assert.match(r.stdout, /last sees middle=success off=skipped/);
  assert.doesNotMatch(r.stdout, /off-ran/);
  assert.match(r.report.jobs[2].skipped_reason, /if: github.ref == 'refs\/heads\/main' is false/);
  assert.match(r.report.jobs[4].skipped_reason, /a needed job did not succeed \(off: skipped\)/);
});

test("a failed job fails the run, skips its dependents, and lets failure() jobs run", async () => {
  const workflow = `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: exit 4
  publish:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo publish-ran
  report-failure:
    needs: build
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo "build was \${{ needs.build.result }}"
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  assert.equal(r.report.result, "failure");
  assert.deepEqual(r.report.jobs.map((j) => j.result), ["failure", "skipped", "success"]);
  assert.doesNotMatch(r.stdout, /publish-ran/);
  assert.match(r.stdout, /build was failure/);
});

test("build jobs for push and for other events, with job-level permissions, and a release that needs both", async () => {
  const workflow = `
on:
  push:
    tags: [v*]
  workflow_dispatch: {}
permissions:
  contents: read
jobs:
  build-push:
    if: github.event_name == 'push'
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      packages: write
    steps:
      - run: echo "push build for $GITHUB_EVENT_NAME"
  build-other:
    if: github.event_name != 'push'
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - run: echo "other build for $GITHUB_EVENT_NAME"
  release:
    needs: [build-push, build-other]
    if: "!cancelled() && !failure() && startsWith(github.ref, 'refs/tags/v')"
    runs-on: ubuntu-24.04
    steps:
      - run: echo "release after \${{ needs.build-push.result }}/\${{ needs.build-other.result }}"
`;
  const push = await runTool({ workflow, repo });
  assert.equal(push.code, 0, push.stdout + push.stderr);
  assert.deepEqual(push.report.jobs.map((j) => j.result), ["success", "skipped", "success"]);
  assert.match(push.stdout, /release after success\/skipped/);
  assert.match(push.stdout, /push build for push/);
  assert.deepEqual(push.report.jobs[0].permissions, { contents: "read", packages: "write" });
  const dispatch = await runTool({ workflow, repo, event: "workflow_dispatch" });
  assert.equal(dispatch.code, 0, dispatch.stdout + dispatch.stderr);
  assert.deepEqual(dispatch.report.jobs.map((j) => j.result), ["skipped", "success", "success"]);
  assert.match(dispatch.stdout, /release after skipped\/success/);
  assert.match(dispatch.stdout, /other build for workflow_dispatch/);
});

test("matrix legs: Linux legs run, the others are listed as needing their runner", async () => {
  const workflow = `
on: push
jobs:
  build:
    name: build \${{ matrix.target }}
    runs-on: \${{ matrix.runner }}
    strategy:
      fail-fast: false
      matrix:
        include:
          - { target: amd64, runner: ubuntu-24.04 }
          - { target: arm64, runner: ubuntu-24.04-arm }
          - { target: mac, runner: macos-15 }
          - { target: win, runner: windows-2025 }
    steps:
      - run: echo "\${{ matrix.target }} on $RUNNER_OS/$RUNNER_ARCH"
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const legs = r.report.jobs[0].legs.map((l) => [l.name, l.os, l.arch, l.result, l.skipped_reason]);
  assert.deepEqual(legs, [
    ["build amd64", "Linux", "X64", "success", undefined],
    ["build arm64", "Linux", "ARM64", "success", undefined],
    ["build mac", "macOS", "ARM64", "skipped", "needs a macOS runner"],
    ["build win", "Windows", "X64", "skipped", "needs a Windows runner"],
  ]);
  assert.equal(r.report.jobs[0].result, "success");
  assert.match(r.stdout, /amd64 on Linux\/X64/);
  assert.match(r.stdout, /arm64 on Linux\/ARM64/);
  assert.match(r.stdout, /skipped \(needs a macOS runner\)/);
});

test("fail-fast cancels the legs after a failed one; fail-fast: false runs them all", async () => {
  const workflow = (failFast) => `
on: push
jobs:
  t:
    runs-on: ubuntu-latest
    strategy:
      ${failFast === undefined ? "" : `fail-fast: ${failFast}`}
      matrix:
        n: [1, 2, 3]
    steps:
      - run: |
          echo "leg \${{ matrix.n }} ran"
          test \${{ matrix.n }} != 1
`;
  const fast = await runTool({ workflow: workflow(undefined), repo });
  assert.equal(fast.code, 1);
  assert.deepEqual(fast.report.jobs[0].legs.map((l) => l.result), ["failure", "cancelled", "cancelled"]);
  assert.equal(fast.report.jobs[0].legs[1].skipped_reason, "fail-fast: leg 1 failed");
  assert.doesNotMatch(fast.stdout, /leg 2 ran/);
  const slow = await runTool({ workflow: workflow(false), repo });
  assert.equal(slow.code, 1);
  assert.deepEqual(slow.report.jobs[0].legs.map((l) => l.result), ["failure", "success", "success"]);
  assert.match(slow.stdout, /leg 3 ran/);
});

test("job continue-on-error keeps a failed leg from failing the job", async () => {
  const workflow = `
on: push
jobs:
  t:
    runs-on: ubuntu-latest
    continue-on-error: \${{ matrix.experimental }}
    strategy:
      matrix:
        experimental: [true, false]
    steps:
      - run: test "\${{ matrix.experimental }}" = false
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(r.report.jobs[0].legs.map((l) => [l.result, l.continue_on_error]), [["failure", true], ["success", undefined]]);
});

test("an unknown runner label and an unknown need are errors", async () => {
  const label = await runTool({ workflow: "on: push\njobs:\n  a:\n    runs-on: my-box\n    steps:\n      - run: true\n", repo });
  assert.equal(label.code, 2);
  assert.match(label.stderr, /runs-on label 'my-box' is unknown/);
  const need = await runTool({ workflow: "on: push\njobs:\n  a:\n    needs: b\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n", repo });
  assert.equal(need.code, 2);
  assert.match(need.stderr, /job 'a' needs 'b', which is not a job/);
});

test("the step report names the step and its result", async () => {
  const r = await runTool({ workflow: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Hello\n        run: echo hi\n", repo });
  const step = stepOf(r.report, "a", 1, "Hello");
  assert.equal(step.result, "success");
  assert.equal(step.run, "echo hi");
  assert.equal(typeof step.seconds, "number");
});
