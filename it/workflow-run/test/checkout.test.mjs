// actions/checkout against the local repository, and the setup actions' checks.
import assert from "node:assert/strict";
import { test } from "node:test";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fakeBin, makeRepo, outputOf, runTool, tempDir } from "./helpers.mjs";

// Two commits up to the tag, then a later commit on main that changes the file.
const { dir: repo, shas, tags } = makeRepo([
  { files: { "version.txt": "0.9\n" } },
  { files: { "version.txt": "1.2.3\n" }, tag: "v1.2.3" },
  { files: { "version.txt": "2.0-SNAPSHOT\n" } },
]);

const checkoutWorkflow = (withBlock) => `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
        ${withBlock ? `with:\n${withBlock.replace(/^/gm, "          ")}` : ""}
      - name: Look
        run: |
          echo "content=$(cat \${DIR:-.}/version.txt)"
          echo "head=$(git -C \${DIR:-.} rev-parse HEAD)"
          echo "branch=$(git -C \${DIR:-.} symbolic-ref -q --short HEAD || echo detached)"
          echo "commits=$(git -C \${DIR:-.} rev-list --count HEAD)"
          echo "tags=$(git -C \${DIR:-.} tag | tr '\\n' ' ')"
          echo "extraheader=$(git -C \${DIR:-.} config --local --get-regexp 'http\\..*\\.extraheader' | wc -l)"
`;

function values(stdout) {
  const out = {};
  for (const line of outputOf(stdout, "a", 1, "Look")) {
    const eq = line.indexOf("=");
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

test("a tag is checked out detached at its commit, with the tag's content (not a later commit's)", async () => {
  const r = await runTool({ workflow: checkoutWorkflow(), repo, ref: "refs/tags/v1.2.3" });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const v = values(r.stdout);
  assert.equal(v.content, "1.2.3");
  assert.equal(v.head, tags["v1.2.3"]);
  assert.equal(v.branch, "detached");
  assert.equal(v.commits, "1", "fetch-depth defaults to 1");
  assert.equal(v.tags.trim(), "v1.2.3");
  assert.equal(v.extraheader, "1", "persist-credentials defaults to true");
  const step = r.report.jobs[0].legs[0].steps[0];
  assert.equal(step.ref, "11bd71901bbe5b1630ceea73d27597364c9af683");
  assert.equal(r.report.sha, tags["v1.2.3"]);
});

test("fetch-depth: 0 brings the whole history and every tag; persist-credentials: false leaves no header", async () => {
  const r = await runTool({ workflow: checkoutWorkflow("fetch-depth: 0\npersist-credentials: false"), repo, ref: "refs/tags/v1.2.3" });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const v = values(r.stdout);
  assert.equal(v.commits, "2");
  assert.equal(v.content, "1.2.3");
  assert.equal(v.extraheader, "0");
});

test("a branch is checked out as a local branch at its head", async () => {
  const r = await runTool({ workflow: checkoutWorkflow(), repo, ref: "refs/heads/main" });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const v = values(r.stdout);
  assert.equal(v.content, "2.0-SNAPSHOT");
  assert.equal(v.branch, "main");
  assert.equal(v.head, shas[2]);
});

test("path: puts the checkout under the workspace; ref: picks another ref", async () => {
  const r = await runTool({
    workflow: checkoutWorkflow("path: src/app\nref: main"),
    repo,
    ref: "refs/tags/v1.2.3",
    args: ["--env", "DIR=src/app"],
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const v = values(r.stdout);
  assert.equal(v.content, "2.0-SNAPSHOT");
  assert.equal(v.head, shas[2]);
  const outside = await runTool({ workflow: checkoutWorkflow("path: ../elsewhere"), repo });
  assert.equal(outside.code, 1);
  assert.match(outside.report.jobs[0].legs[0].steps[0].error, /is not under/);
});

test("setup-java checks the major version of the JDK the steps will use, and exports JAVA_HOME", async () => {
  const jdk = fakeBin({ java: 'echo \'openjdk version "21.0.2" 2024-01-16\' >&2; echo "OpenJDK Runtime Environment (build 21.0.2+13)" >&2' });
  const workflow = (version) => `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Set up Java
        uses: actions/setup-java@c5195efecf7bdfc987ee8bae7a71cb8b11521c00
        with:
          distribution: temurin
          java-version: "${version}"
          cache: maven
      - name: After
        run: echo "JAVA_HOME=$JAVA_HOME"
`;
  const env = { ...process.env, JAVA_HOME: "", PATH: `${jdk}:${process.env.PATH}` };
  delete env.JAVA_HOME;
  const good = await runTool({ workflow: workflow(21), repo, env });
  assert.equal(good.code, 0, good.stdout + good.stderr);
  assert.ok(outputOf(good.stdout, "a", 1, "Set up Java").some((l) => l.endsWith(': openjdk version "21.0.2" 2024-01-16')));
  assert.deepEqual(outputOf(good.stdout, "a", 1, "After"), [`JAVA_HOME=${jdk.replace(/\/[^/]+$/, "")}`]);
  const bad = await runTool({ workflow: workflow(17), repo, env });
  assert.equal(bad.code, 1);
  assert.match(bad.report.jobs[0].legs[0].steps[0].error, /java-version 17 asks for Java 17, but .*java is Java 21/);
});

test("setup-java writes settings.xml with the server's credentials read from the environment, never into this machine's home", async () => {
  const jdk = fakeBin({ java: 'echo \'openjdk version "17.0.9" 2023-10-17\' >&2' });
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-java@c5195efecf7bdfc987ee8bae7a71cb8b11521c00
        with:
          distribution: temurin
          java-version: "17"
          server-id: central
          server-username: MAVEN_USERNAME
          server-password: MAVEN_PASSWORD
          gpg-private-key: "\${{ secrets.GPG_KEY }}"
`;
  const home = tempDir("wr-home-");
  const env = { ...process.env, PATH: `${jdk}:${process.env.PATH}` };
  delete env.JAVA_HOME;
  const own = await runTool({ workflow, repo, env, args: ["--env", `HOME=${home}`, "--secret", "GPG_KEY=k"] });
  assert.equal(own.code, 0, own.stdout + own.stderr);
  const settings = readFileSync(path.join(home, ".m2", "settings.xml"), "utf8");
  assert.match(settings, /<id>central<\/id>\s*<username>\$\{env\.MAVEN_USERNAME\}<\/username>\s*<password>\$\{env\.MAVEN_PASSWORD\}<\/password>/);
  assert.match(settings, /<id>gpg\.passphrase<\/id>\s*<passphrase>\$\{env\.GPG_PASSPHRASE\}<\/passphrase>/);
  const machine = await runTool({ workflow, repo, env: { ...env, HOME: os.homedir() }, args: ["--secret", "GPG_KEY=k"] });
  assert.equal(machine.code, 0, machine.stdout + machine.stderr);
  assert.ok(outputOf(machine.stdout, "a", 1, "Run actions/setup-java@c5195efecf7bdfc987ee8bae7a71cb8b11521c00").some((l) => l.includes("settings.xml not written: HOME is this machine's own home")), machine.stdout);
});

test("setup-java refuses a missing distribution; unknown inputs are warned about", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-java@v4
        with:
          java-version: "17"
          jdk-version: "17"
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /warning: Unexpected input\(s\) 'jdk-version'/);
  assert.equal(r.report.jobs[0].legs[0].steps[0].error, "Input required and not supplied: distribution");
});

test("setup-qemu-action: an unknown platform fails the step", async () => {
  const workflow = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/setup-qemu-action@v3\n        with:\n          platforms: vax\n";
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  assert.match(r.report.jobs[0].legs[0].steps[0].error, /unknown platform 'vax'/);
});
