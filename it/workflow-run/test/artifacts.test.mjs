// upload-artifact / download-artifact between jobs, and attest-build-provenance.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { findFilesToUpload } from "../lib/actions/artifacts.mjs";
import { makeRepo, outputOf, runTool, tempDir } from "./helpers.mjs";

const repo = makeRepo().dir;
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

test("the artifact root: the search path, the common ancestor of several, the parent of a lone file", async () => {
  const ws = tempDir("wr-ws-");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  for (const f of ["out/a/one.txt", "out/b/two.txt", "out/b/skip.log", "out/.hidden", "out/sub/deep/x.bin"]) {
    mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    writeFileSync(path.join(ws, f), f);
  }
  const rel = (found) => ({ root: path.relative(ws, found.root), files: found.files.map((f) => path.relative(found.root, f)) });
  assert.deepEqual(rel(findFilesToUpload("out/*/*.txt", { cwd: ws })), { root: "out", files: ["a/one.txt", "b/two.txt"] });
  assert.deepEqual(rel(findFilesToUpload("out/a/one.txt\nout/b/", { cwd: ws })), { root: "out", files: ["a/one.txt", "b/skip.log", "b/two.txt"] });
  assert.deepEqual(rel(findFilesToUpload("out/sub/deep/x.bin", { cwd: ws })), { root: "out/sub/deep", files: ["x.bin"] });
  assert.deepEqual(rel(findFilesToUpload("out\n!out/**/*.log\n!out/sub", { cwd: ws })).files, ["a/one.txt", "b/two.txt"]);
  assert.deepEqual(rel(findFilesToUpload("out/**/*.txt\n# a comment", { cwd: ws })).files, ["a/one.txt", "b/two.txt"]);
  assert.ok(rel(findFilesToUpload("out", { cwd: ws, includeHidden: true })).files.includes(".hidden"));
  assert.ok(!rel(findFilesToUpload("out", { cwd: ws })).files.includes(".hidden"), "hidden files are left out by default");
});

const pipeline = `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        target: [alpha, beta]
    steps:
      - name: Make
        run: |
          mkdir -p target/cross/logs
          echo "archive \${{ matrix.target }}" > target/cross/\${{ matrix.target }}.tar.gz
          echo "log" > target/cross/logs/build.log
          chmod +x target/cross/\${{ matrix.target }}.tar.gz
      - name: Upload
        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
        with:
          name: cross-\${{ matrix.target }}
          path: |
            target/cross/*.tar.gz
            !target/cross/logs
          if-no-files-found: error
      - name: Upload logs
        uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
        with:
          name: logs-\${{ matrix.target }}
          path: target/cross/logs/build.log
  release:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - name: Merged
        uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
        with:
          pattern: cross-*
          path: target/cross
          merge-multiple: true
      - name: Separate
        uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
        with:
          pattern: cross-*
          path: separate
      - name: One
        uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
        with:
          name: logs-alpha
          path: one
      - name: All
        uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
        with:
          path: all
      - name: List
        run: |
          find target separate one all -type f | sort
          cat target/cross/beta.tar.gz
          test -x target/cross/alpha.tar.gz && echo executable || echo "not executable"
`;

test("artifacts go from build legs to the release job: pattern, merge-multiple, name, all", async () => {
  const r = await runTool({ workflow: pipeline, repo });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(outputOf(r.stdout, "release", 1, "List"), [
    "all/cross-alpha/alpha.tar.gz",
    "all/cross-beta/beta.tar.gz",
    "all/logs-alpha/build.log",
    "all/logs-beta/build.log",
    "one/build.log",
    "separate/cross-alpha/alpha.tar.gz",
    "separate/cross-beta/beta.tar.gz",
    "target/cross/alpha.tar.gz",
    "target/cross/beta.tar.gz",
    "archive beta",
    "not executable",
  ]);
  assert.deepEqual(r.report.artifacts, {
    "cross-alpha": ["alpha.tar.gz"],
    "logs-alpha": ["build.log"],
    "cross-beta": ["beta.tar.gz"],
    "logs-beta": ["build.log"],
  });
  assert.ok(statSync(path.join(r.work, "artifacts", "cross-beta", "beta.tar.gz")).isFile());
});

const uploadTwice = (second) => `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo first > f.txt
      - uses: actions/upload-artifact@v4
        with:
          name: same
          path: f.txt
      - run: echo second > f.txt
      - uses: actions/upload-artifact@v4
        with:
          name: same
          path: f.txt
${second}
      - uses: actions/download-artifact@v4
        with:
          name: same
          path: back
      - run: cat back/f.txt
`;

test("uploading the same name twice fails, unless overwrite: true", async () => {
  const twice = await runTool({ workflow: uploadTwice(""), repo });
  assert.equal(twice.code, 1);
  const steps = twice.report.jobs[0].legs[0].steps;
  assert.equal(steps[3].result, "failure");
  assert.match(steps[3].error, /an artifact with this name already exists on the workflow run: 'same'/);
  const replaced = await runTool({ workflow: uploadTwice("          overwrite: true"), repo });
  assert.equal(replaced.code, 0, replaced.stdout);
  assert.deepEqual(outputOf(replaced.stdout, "a", 1, "Run cat back/f.txt"), ["second"]);
});

test("if-no-files-found: error fails, warn warns, a missing name fails the download", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Warn
        uses: actions/upload-artifact@v4
        with:
          path: nothing/*.zip
      - name: Error
        uses: actions/upload-artifact@v4
        with:
          path: nothing/*.zip
          if-no-files-found: error
      - name: Missing
        if: always()
        uses: actions/download-artifact@v4
        with:
          name: artifact
      - name: No match
        if: always()
        uses: actions/download-artifact@v4
        with:
          pattern: nothing-*
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  const steps = r.report.jobs[0].legs[0].steps;
  assert.deepEqual(steps.map((s) => s.result), ["success", "failure", "failure", "success"]);
  assert.ok(outputOf(r.stdout, "a", 1, "Warn").some((l) => l.startsWith("warning: No files were found with the provided path: nothing/*.zip")));
  assert.equal(steps[1].error, "No files were found with the provided path: nothing/*.zip. No artifacts will be uploaded.");
  assert.equal(steps[2].error, "Unable to download artifact(s): Artifact 'artifact' not found");
  assert.deepEqual(r.report.artifacts, {});
});

test("bad inputs fail the step: an artifact name with '/', a compression level out of range", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: touch f
      - uses: actions/upload-artifact@v4
        with:
          name: a/b
          path: f
      - if: always()
        uses: actions/upload-artifact@v4
        with:
          path: f
          compression-level: 11
`;
  const r = await runTool({ workflow, repo });
  const steps = r.report.jobs[0].legs[0].steps;
  assert.match(steps[1].error, /The artifact name is not valid: a\/b/);
  assert.match(steps[2].error, /Invalid compression-level: '11' \(expected 0 to 9\)/);
});

const attestWorkflow = (permissions, subject) => `
on: push
jobs:
  release:
    runs-on: ubuntu-latest
    ${permissions}
    steps:
      - run: |
          mkdir -p target/cross
          printf 'tar' > target/cross/lib.tar.gz
          printf 'zip' > target/cross/lib.zip
          printf 'txt' > target/cross/notes.txt
      - name: Attest
        uses: actions/attest-build-provenance@e8998f949152b193b063cb0ec769d69d929409be
        with:
          subject-path: ${subject}
`;
const granted = "permissions:\n      contents: write\n      id-token: write\n      attestations: write";

test("attestations record each subject's path and sha256", async () => {
  const r = await runTool({ workflow: attestWorkflow(granted, "|-\n            target/cross/*.tar.gz\n            target/cross/*.zip"), repo });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(
    r.report.attestations.map(({ path: p, sha256: d }) => ({ path: p, sha256: d })),
    [
      { path: "target/cross/lib.tar.gz", sha256: sha256("tar") },
      { path: "target/cross/lib.zip", sha256: sha256("zip") },
    ],
  );
});

test("an attestation fails when no file matches or the job lacks id-token: write", async () => {
  const none = await runTool({ workflow: attestWorkflow(granted, "dist/*.jar"), repo });
  assert.equal(none.code, 1);
  assert.equal(none.report.jobs[0].legs[0].steps[1].error, "Could not find subject at path dist/*.jar");
  assert.deepEqual(none.report.attestations, []);
  const denied = await runTool({ workflow: attestWorkflow("permissions:\n      contents: write", "target/cross/*.zip"), repo });
  assert.equal(denied.code, 1);
  assert.match(denied.report.jobs[0].legs[0].steps[1].error, /needs id-token: write, the job has permissions: \{"contents":"write"\}; needs attestations: write/);
});
