// Every workflow the generator's golden files hold, dry-run at a release tag and on main: every
// expression they use evaluates, Linux legs are planned, macOS and Windows legs need their runners.
// Goldens with a package job plan it at a tag (the release needs it); with a deploy, the deploy too.
// Goldens with the build cache in directory mode restore and save it around the build on Linux legs.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fakeBin, git, GOLDEN_DIR, makeRepo, outputOf, runTool, stepOf, tempDir } from "./helpers.mjs";

const goldens = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".yml")).sort();
const repo = makeRepo().dir;

// The jobs a golden file holds, by their id lines ("  package:").
function jobsOf(file) {
  const text = readFileSync(path.join(GOLDEN_DIR, file), "utf8");
  return [...text.split("jobs:\n")[1].matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]);
}

// The build cache directory (without the target) and key prefix (without "-<target>-") of a golden, or undefined.
function buildCacheOf(file) {
  const text = readFileSync(path.join(GOLDEN_DIR, file), "utf8");
  const m = /uses: actions\/cache\/restore@.*\n\s+with:\n\s+path: "(.+)\/\$\{\{ matrix\.target \}\}"\n\s+key: "(.+)-\$\{\{ matrix\.target \}\}-/.exec(text);
  return m ? { path: m[1], key: m[2] } : undefined;
}

// The ids in the order the runner takes them: each build job, then each package job, release, deploy.
function expectedOrder(file) {
  const ids = jobsOf(file);
  return ["build", "build-pull-request", "package", "package-pull-request", "release", "deploy"].filter((id) => ids.includes(id));
}

test("the golden files with a package job are there", () => {
  assert.ok(goldens.filter((f) => jobsOf(f).includes("package")).length >= 2, goldens.join(", "));
  assert.ok(goldens.some((f) => jobsOf(f).includes("deploy") && jobsOf(f).includes("package-pull-request")));
});

test("the golden files with the build cache in directory mode are there", () => {
  assert.deepEqual(goldens.filter((f) => buildCacheOf(f)), ["build-cache-directory-split.yml", "build-cache-directory.yml"]);
});

test("the golden files are there", () => {
  assert.ok(goldens.length >= 4, `golden workflows in ${GOLDEN_DIR}: ${goldens.join(", ")}`);
});

for (const file of goldens) {
  describe(file, () => {
    test("dry run at refs/tags/v1.2.3: everything planned that this machine can run", async () => {
      const r = await runTool({ workflow: path.join(GOLDEN_DIR, file), repo, args: ["--dry-run"] });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.equal(r.report.result, "planned");
      assert.equal(r.report.dry_run, true);
      const build = r.report.jobs.find((j) => j.id === "build");
      const release = r.report.jobs.find((j) => j.id === "release");
      const pullRequest = r.report.jobs.find((j) => j.id === "build-pull-request");
      assert.deepEqual(r.report.jobs.map((j) => j.id), expectedOrder(file));
      if (pullRequest) {
        // With a registry cache the build splits by event: a tag push runs only "build".
        assert.equal(pullRequest.result, "skipped");
        assert.equal(pullRequest.skipped_reason, "if: github.event_name != 'push' is false");
      }
      assert.ok(build.legs.length >= 2);
      for (const leg of build.legs) {
        if (leg.os === "Linux") {
          assert.equal(leg.result, "planned", `${leg.name}`);
          assert.ok(leg.steps.length >= 4);
          for (const step of leg.steps) assert.ok(["planned", "skipped"].includes(step.result), `${leg.name} / ${step.name}: ${step.result} ${step.error ?? ""}`);
          const upload = leg.steps.find((s) => s.name === "Upload archive");
          assert.equal(upload.with.name, `cross-${leg.matrix.target}`);
          assert.equal(upload.with.path, leg.matrix.archive);
          assert.ok(r.stdout.includes(`[build#${leg.number} Build] env CROSS_TARGET=${leg.matrix.target}`));
        } else {
          assert.equal(leg.result, "skipped");
          assert.equal(leg.skipped_reason, `needs a ${leg.os} runner`);
          assert.ok(["macOS", "Windows"].includes(leg.os));
          assert.deepEqual(leg.steps, []);
          assert.ok(r.stdout.includes(`"${leg.name}" [${leg.runner}: ${leg.os} ${leg.arch}] skipped (needs a ${leg.os} runner)`));
        }
      }
      assert.equal(build.name, "build");
      assert.equal(release.result, "planned");
      assert.deepEqual(release.legs[0].steps.map((s) => s.result), Array(release.legs[0].steps.length).fill("planned"));
      assert.deepEqual(release.permissions, { contents: "write", "id-token": "write", attestations: "write" });
      const pkg = r.report.jobs.find((j) => j.id === "package");
      if (pkg) {
        assert.equal(pkg.result, "planned");
        assert.deepEqual(pkg.needs, ["build"]);
        assert.deepEqual(pkg.permissions, { contents: "read" });
        const steps = pkg.legs[0].steps;
        assert.deepEqual(steps.map((s) => [s.name, s.result]), [["Check out", "planned"], ["Set up Java", "planned"], ["Download archives", "planned"], ["Build the jar", "planned"], ["Upload jar", "planned"]]);
        assert.deepEqual(steps[2].with, { pattern: "cross-*", path: "target/cross", "merge-multiple": "true" });
        assert.match(steps[3].run, /^\.\/mvnw -B cross:collect verify -Dcross\.build\.skip=true\n$/);
        assert.deepEqual(steps[4].with, { name: "cross-jar", path: "target/*.jar", "if-no-files-found": "error" });
        for (const leg of build.legs.filter((l) => l.os === "Linux")) {
          assert.match(leg.steps.find((s) => s.name === "Build").run, /^\.\/mvnw -B compile cross:build .* -Dcross\.nativeResources\.skip=true( |\n)/, "a leg makes no jar");
        }
        assert.deepEqual(release.needs, ["build", "package"]);
        const sums = release.legs[0].steps.find((s) => s.name === "Write SHA256SUMS");
        assert.match(sums.run, /^sha256sum -- \*\.tar\.gz \*\.jar > SHA256SUMS\n$/);
        const attest = release.legs[0].steps.find((s) => s.name === "Attest build provenance");
        assert.ok(attest.with["subject-path"].split("\n").includes("target/cross/*.jar"));
        if (pullRequest) {
          const pkgPullRequest = r.report.jobs.find((j) => j.id === "package-pull-request");
          assert.equal(pkgPullRequest.result, "skipped");
          assert.deepEqual(pkgPullRequest.needs, ["build-pull-request"]);
        }
      } else {
        assert.deepEqual(release.needs, ["build"]);
      }
      const deploy = r.report.jobs.find((j) => j.id === "deploy");
      if (deploy) {
        assert.equal(deploy.result, "planned");
        assert.deepEqual(deploy.needs, ["package", "release"]);
        assert.deepEqual(deploy.permissions, { contents: "read" });
        const steps = deploy.legs[0].steps;
        assert.deepEqual(steps.map((s) => [s.name, s.result]), [["Check out", "planned"], ["Set up Java", "planned"], ["Download archives", "planned"], ["Deploy", "planned"]]);
        assert.deepEqual(
          [steps[1].with["server-id"], steps[1].with["server-username"], steps[1].with["server-password"]],
          ["central", "MAVEN_USERNAME", "MAVEN_PASSWORD"],
        );
        assert.equal(steps[2].with.pattern, "cross-*-*");
        assert.match(steps[3].run, /^\.\/mvnw -B cross:collect deploy -DskipTests -Dcross.build.skip=true\n$/);
        assert.ok(r.stdout.includes("[deploy#1 Deploy] env MAVEN_USERNAME="), r.stdout);
      }
      const scripts = r.stdout.split("\n").filter((l) => / {3}\| /.test(l));
      assert.ok(scripts.length > 0);
      assert.ok(scripts.every((l) => !l.includes("${{")), "scripts are interpolated");
      assert.match(r.stdout, /^concurrency \(not applied here\): \{"group":"[^"]+-refs\/tags\/v1\.2\.3","cancel-in-progress":false\}$/m);
    });

    test("dry run on main: the release job is skipped by its if", async () => {
      const r = await runTool({ workflow: path.join(GOLDEN_DIR, file), repo, ref: "refs/heads/main", args: ["--dry-run"] });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const release = r.report.jobs.find((j) => j.id === "release");
      assert.equal(release.result, "skipped");
      assert.equal(release.skipped_reason, "if: startsWith(github.ref, 'refs/tags/v') is false");
      const pkg = r.report.jobs.find((j) => j.id === "package");
      if (pkg) assert.equal(pkg.result, "planned", "a push to main packages the jar too");
      const deploy = r.report.jobs.find((j) => j.id === "deploy");
      if (deploy) assert.equal(deploy.result, "skipped");
    });

    if (buildCacheOf(file)) {
      test("the build cache: Linux legs restore before the build and save after for pushes, other events only restore", async () => {
        const { path: dirPath, key } = buildCacheOf(file);
        const push = await runTool({ workflow: path.join(GOLDEN_DIR, file), repo, ref: "refs/heads/main", args: ["--dry-run"] });
        assert.equal(push.code, 0, push.stdout + push.stderr);
        const build = push.report.jobs.find((j) => j.id === "build");
        for (const leg of build.legs.filter((l) => l.os === "Linux")) {
          const names = leg.steps.map((s) => s.name);
          const at = names.indexOf("Build");
          assert.deepEqual(names.slice(at - 1, at + 2), ["Restore the build cache", "Build", "Save the build cache"]);
          const target = leg.matrix.target;
          const [restore, buildStep, save] = leg.steps.slice(at - 1, at + 2);
          assert.deepEqual(restore.with, { path: `${dirPath}/${target}`, key: `${key}-${target}-${push.report.sha}`, "restore-keys": `${key}-${target}-` });
          assert.deepEqual(save.with, { path: `${dirPath}/${target}`, key: `${key}-${target}-${push.report.sha}` });
          assert.deepEqual([restore.result, save.result], ["planned", "planned"]);
          assert.match(buildStep.run, / -Dcross\.buildCache=directory( |\n)/);
          assert.match(restore.uses, /^actions\/cache\/restore@[0-9a-f]{40}$/);
        }
        const other = await runTool({ workflow: path.join(GOLDEN_DIR, file), repo, ref: "refs/heads/main", event: "workflow_dispatch", args: ["--dry-run"] });
        assert.equal(other.code, 0, other.stdout + other.stderr);
        const job = other.report.jobs.find((j) => j.id === "build-pull-request") ?? other.report.jobs.find((j) => j.id === "build");
        assert.equal(job.result, "planned");
        for (const leg of job.legs.filter((l) => l.os === "Linux")) {
          const results = Object.fromEntries(leg.steps.map((s) => [s.name, s.result]));
          assert.equal(results["Restore the build cache"], "planned");
          assert.ok([undefined, "skipped"].includes(results["Save the build cache"]), `${leg.name}: ${results["Save the build cache"]}`);
        }
      });
    }

    if (jobsOf(file).includes("package-pull-request")) {
      test("dry run of a manual run: the other events' build and package jobs, no release", async () => {
        const r = await runTool({ workflow: path.join(GOLDEN_DIR, file), repo, ref: "refs/heads/main", event: "workflow_dispatch", args: ["--dry-run"] });
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const results = Object.fromEntries(r.report.jobs.map((j) => [j.id, j.result]));
        assert.deepEqual(results, { build: "skipped", "build-pull-request": "planned", package: "skipped", "package-pull-request": "planned", release: "skipped", ...(results.deploy ? { deploy: "skipped" } : {}) });
        const pkg = r.report.jobs.find((j) => j.id === "package-pull-request");
        assert.equal(pkg.name, "package", "the same check name as for pushes");
        assert.deepEqual(pkg.legs[0].steps.map((s) => s.result), Array(5).fill("planned"));
      });
    }
  });
}

test("conditional steps of the goldens follow their matrix", async () => {
  const custom = await runTool({ workflow: path.join(GOLDEN_DIR, "custom.yml"), repo, args: ["--dry-run"] });
  const legs = custom.report.jobs[0].legs;
  const riscv = (leg) => leg.steps.find((s) => s.name === "Install the RISC-V toolchain").result;
  assert.deepEqual(legs.map((l) => [l.runner, l.os, l.arch]), [["ubuntu-22.04", "Linux", "X64"], ["ubuntu-24.04-riscv", "Linux", "X64"], ["macos-15", "macOS", "ARM64"]]);
  assert.deepEqual(legs.slice(0, 2).map(riscv), ["skipped", "planned"]);
  const emulated = await runTool({ workflow: path.join(GOLDEN_DIR, "emulated.yml"), repo, args: ["--dry-run"] });
  const qemu = emulated.report.jobs[0].legs.map((l) => l.steps.find((s) => s.name === "Set up QEMU"));
  assert.deepEqual(qemu.map((s) => s.result), ["skipped", "planned", "planned", "planned"]);
  assert.deepEqual(qemu.slice(1).map((s) => s.plan), ["check binfmt handlers: qemu-riscv64", "check binfmt handlers: qemu-s390x", "check binfmt handlers: qemu-arm"]);
});

// The whole release path for real, with a stand-in ./mvnw (so no Maven or engine is needed) and a
// stand-in java 17: checkout at the tag, build legs, artifacts, SHA256SUMS, attestation, publish.
test("linux-only.yml runs end to end at a tag with a stand-in mvnw", async () => {
  const mvnw = `#!/usr/bin/env bash
set -e
case "$*" in
  *cross:build*)
    target="\${CROSS_TARGET:?}"
    mkdir -p target/cross
    echo "library for $target, version $(cat version.txt)" > "target/cross/lib-$target.tar.gz"
    echo "built $target" ;;
  *cross:release*)
    echo "release args: $*"
    echo "token: $GITHUB_TOKEN"
    (cd target/cross && ls && cat SHA256SUMS) ;;
esac
`;
  const { dir } = makeRepo([
    { files: { "version.txt": "1.2.3\n", mvnw }, executable: ["mvnw"], tag: "v1.2.3" },
    { files: { "version.txt": "later\n" } },
  ]);
  const jdk = fakeBin({ java: "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2" });
  const r = await runTool({
    workflow: path.join(GOLDEN_DIR, "linux-only.yml"),
    repo: dir,
    args: ["--env", `PATH=${jdk}:${process.env.PATH}`, "--secret", "GITHUB_TOKEN=ghs_test_token_value"],
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(r.report.jobs.map((j) => [j.id, j.result]), [["build", "success"], ["release", "success"]]);
  assert.deepEqual(r.report.artifacts, {
    "cross-x86_64-unknown-linux-gnu": ["lib-x86_64-unknown-linux-gnu.tar.gz"],
    "cross-aarch64-unknown-linux-gnu": ["lib-aarch64-unknown-linux-gnu.tar.gz"],
  });
  const publish = outputOf(r.stdout, "release", 1, "Publish release");
  assert.equal(publish[0], "release args: -B cross:release -Dcross.release.tag=v1.2.3");
  assert.equal(publish[1], "token: ***");
  const sums = publish.filter((l) => /^[0-9a-f]{64} {2}/.test(l));
  assert.equal(sums.length, 2);
  const attested = Object.fromEntries(r.report.attestations.map((a) => [path.basename(a.path), a.sha256]));
  for (const line of sums) {
    const [digest, name] = line.split(/ {2}/);
    assert.equal(attested[name], digest, `${name}: the attested digest is the one in SHA256SUMS`);
  }
  const archive = path.join(r.work, "artifacts", "cross-x86_64-unknown-linux-gnu", "lib-x86_64-unknown-linux-gnu.tar.gz");
  assert.equal(readFileSync(archive, "utf8"), "library for x86_64-unknown-linux-gnu, version 1.2.3\n", "built from the tag, not from main");
});

// The package job for real, with a stand-in ./mvnw: the legs build without native resources, the
// package job collects every Linux leg's archive into one jar, and the release checksums, attests
// and publishes the jar with the archives.
test("jni-package.yml runs end to end at a tag: the jar is released and attested with the archives", async () => {
  const mvnw = `#!/usr/bin/env bash
set -e
case "$*" in
  *cross:build*)
    case "$*" in *" -Dcross.nativeResources.skip=true"*) ;; *) echo "a leg was asked for native resources: $*" >&2; exit 1 ;; esac
    mkdir -p target/cross
    echo "library for $CROSS_TARGET" > "target/cross/jni-1.2.3-$CROSS_TARGET.tar.gz" ;;
  *cross:collect*)
    echo "collect args: $*"
    echo "jar holding: $(ls target/cross | tr '\\n' ' ')" > target/jni-1.2.3.jar
    cat target/jni-1.2.3.jar ;;
  *cross:release*)
    (cd target/cross && cat SHA256SUMS) ;;
esac
`;
  const { dir } = makeRepo([{ files: { mvnw }, executable: ["mvnw"], tag: "v1.2.3" }]);
  const jdk = fakeBin({ java: "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2" });
  const r = await runTool({
    workflow: path.join(GOLDEN_DIR, "jni-package.yml"),
    repo: dir,
    args: ["--env", `PATH=${jdk}:${process.env.PATH}`],
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(r.report.jobs.map((j) => [j.id, j.result]), [["build", "success"], ["package", "success"], ["release", "success"]]);
  assert.deepEqual(outputOf(r.stdout, "package", 1, "Build the jar"), [
    "collect args: -B cross:collect verify -Dcross.build.skip=true",
    "jar holding: jni-1.2.3-aarch64-unknown-linux-gnu.tar.gz jni-1.2.3-x86_64-unknown-linux-gnu.tar.gz ",
  ]);
  assert.deepEqual(r.report.artifacts["cross-jar"], ["jni-1.2.3.jar"]);
  const sums = outputOf(r.stdout, "release", 1, "Publish release").filter((l) => /^[0-9a-f]{64} {2}/.test(l));
  assert.deepEqual(sums.map((l) => l.split(/ {2}/)[1]), [
    "jni-1.2.3-aarch64-unknown-linux-gnu.tar.gz",
    "jni-1.2.3-x86_64-unknown-linux-gnu.tar.gz",
    "jni-1.2.3.jar",
  ]);
  const attested = Object.fromEntries(r.report.attestations.map((a) => [path.basename(a.path), a.sha256]));
  for (const line of sums) {
    const [digest, name] = line.split(/ {2}/);
    assert.equal(attested[name], digest, `${name}: the attested digest is the one in SHA256SUMS`);
  }
});

// The build cache across runs for real, with a stand-in ./mvnw that counts its builds in the target's cache
// directory: two pushes to main and a tag share one --cache-dir and HOME, as GitHub's cache outlives runners.
test("build-cache-directory.yml carries each target's cache directory from run to run", async () => {
  const mvnw = `#!/usr/bin/env bash
set -e
case "$*" in
  *cross:build*)
    case "$*" in *" -Dcross.buildCache=directory"*) ;; *) echo "no -Dcross.buildCache=directory: $*" >&2; exit 1 ;; esac
    cache="$HOME/.cache/cross-build/widget/$CROSS_TARGET"
    mkdir -p "$cache" target/cross
    echo $(( $(cat "$cache/builds" 2>/dev/null || echo 0) + 1 )) > "$cache/builds"
    echo "build $(cat "$cache/builds") of $CROSS_TARGET"
    echo "$CROSS_TARGET" > "target/cross/widget-$CROSS_TARGET.tar.gz" ;;
  *cross:release*) echo released ;;
esac
`;
  const { dir } = makeRepo([{ files: { mvnw }, executable: ["mvnw"] }]);
  const jdk = fakeBin({ java: "echo 'openjdk version \"17.0.15\" 2025-04-15' >&2" });
  const store = tempDir("wr-cache-");
  const home = tempDir("wr-home-");
  const run = (ref) => runTool({
    workflow: path.join(GOLDEN_DIR, "build-cache-directory.yml"),
    repo: dir,
    ref,
    args: ["--env", `PATH=${jdk}:${process.env.PATH}`, "--env", `HOME=${home}`, "--cache-dir", store],
  });
  const builds = (r) => [1, 2].map((leg) => outputOf(r.stdout, "build", leg, "Build")[0]);

  const first = await run("refs/heads/main");
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.deepEqual(builds(first), ["build 1 of x86_64-unknown-linux-gnu", "build 1 of aarch64-unknown-linux-gnu"]);
  assert.deepEqual(first.report.caches.map((c) => [c.action, c.hit ?? c.saved]), [["restore", false], ["save", true], ["restore", false], ["save", true]]);

  // Both legs share this machine's HOME: clear it as a new runner would start.
  rmSync(path.join(home, ".cache"), { recursive: true, force: true });
  git(dir, "commit", "--quiet", "--allow-empty", "-m", "second");
  const second = await run("refs/heads/main");
  assert.equal(second.code, 0, second.stdout + second.stderr);
  assert.deepEqual(builds(second), ["build 2 of x86_64-unknown-linux-gnu", "build 2 of aarch64-unknown-linux-gnu"]);
  assert.deepEqual(second.report.caches.filter((c) => c.action === "restore").map((c) => c.matched_key),
    first.report.caches.filter((c) => c.action === "save").map((c) => c.key));

  rmSync(path.join(home, ".cache"), { recursive: true, force: true });
  git(dir, "tag", "-a", "-m", "release", "v1.2.3");
  const tag = await run("refs/tags/v1.2.3");
  assert.equal(tag.code, 0, tag.stdout + tag.stderr);
  assert.deepEqual(builds(tag), ["build 3 of x86_64-unknown-linux-gnu", "build 3 of aarch64-unknown-linux-gnu"],
    "a tag restores the default branch's entries");
  // The tag is on the commit main built last: its key is that run's, so it hits and saves nothing.
  assert.deepEqual(tag.report.caches.map((c) => [c.action, c.hit, c.scope]), [["restore", true, "refs/heads/main"], ["restore", true, "refs/heads/main"]]);
  for (const leg of [1, 2]) assert.equal(stepOf(tag.report, "build", leg, "Save the build cache").result, "skipped");
  assert.deepEqual(tag.report.jobs.map((j) => [j.id, j.result]), [["build", "success"], ["release", "success"]]);
});
