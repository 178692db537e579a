// actions/cache/restore and actions/cache/save: a store that later runs share (--cache-dir), keys and
// restore keys as GitHub matches them, the outputs, the refs a run may restore from, and the failures
// that fail a step (restore) or only warn (save).
import assert from "node:assert/strict";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { findEntry } from "../lib/actions/cache.mjs";
import { git, makeRepo, outputOf, runTool, stepOf, tempDir } from "./helpers.mjs";

const SHA = "0400d5f644dc74513175e3cd8d07132dd4860809";

function newCommit(dir, message) {
  git(dir, "commit", "--quiet", "--allow-empty", "-m", message);
  return git(dir, "rev-parse", "HEAD");
}

// One leg: restore ~/counter and out/ (in the workspace), count the runs, save unless the key was hit.
const counting = `
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Restore
        id: restore
        uses: actions/cache/restore@${SHA} # v4.2.4
        with:
          path: |
            ~/counter
            out
          key: count-\${{ github.sha }}
          restore-keys: count-
      - name: Count
        env:
          HIT: \${{ steps.restore.outputs.cache-hit }}
          MATCHED: \${{ steps.restore.outputs.cache-matched-key }}
          PRIMARY: \${{ steps.restore.outputs.cache-primary-key }}
        run: |
          n=$(cat ~/counter/n 2>/dev/null || echo 0)
          mkdir -p ~/counter out
          echo $((n + 1)) > ~/counter/n
          echo "run $((n + 1))" >> out/runs.txt
          echo "count=$((n + 1)) hit=$HIT matched=$MATCHED primary=$PRIMARY"
          cat out/runs.txt
      - name: Save
        if: steps.restore.outputs.cache-hit != 'true'
        uses: actions/cache/save@${SHA} # v4.2.4
        with:
          path: |
            ~/counter
            out
          key: count-\${{ github.sha }}
`;

test("a later run restores what an earlier one saved: by restore key on a new commit, exactly on the same one", async () => {
  const { dir, shas } = makeRepo();
  const store = tempDir("wr-cache-");
  const home = tempDir("wr-home-");
  const args = ["--cache-dir", store, "--env", `HOME=${home}`];
  const run = () => runTool({ workflow: counting, repo: dir, ref: "refs/heads/main", args });

  const first = await run();
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.deepEqual(outputOf(first.stdout, "build", 1, "Count").slice(0, 2), [`count=1 hit= matched= primary=count-${shas[0]}`, "run 1"]);
  assert.match(first.stdout, new RegExp(`Cache not found for input keys: count-${shas[0]}, count-`));
  assert.deepEqual(first.report.caches.map((c) => [c.action, c.key, "matched_key" in c ? c.matched_key : c.saved]), [
    ["restore", `count-${shas[0]}`, null],
    ["save", `count-${shas[0]}`, true],
  ]);

  const second = newCommit(dir, "second");
  const next = await run();
  assert.equal(next.code, 0, next.stdout + next.stderr);
  assert.deepEqual(outputOf(next.stdout, "build", 1, "Count"), [`count=2 hit=false matched=count-${shas[0]} primary=count-${second}`, "run 1", "run 2"]);
  assert.ok(next.stdout.includes(`Cache hit for restore-key: count-${shas[0]}`));
  assert.equal(stepOf(next.report, "build", 1, "Save").result, "success");

  const again = await run();
  assert.equal(again.code, 0, again.stdout + again.stderr);
  assert.deepEqual(outputOf(again.stdout, "build", 1, "Count")[0], `count=3 hit=true matched=count-${second} primary=count-${second}`);
  assert.equal(stepOf(again.report, "build", 1, "Save").result, "skipped", "an exact hit is not saved again");
  assert.equal(readFileSync(path.join(again.work, "jobs/build/1/workspace/out/runs.txt"), "utf8"), "run 1\nrun 2\nrun 3\n",
    "a path in the workspace comes back in the new run's workspace");
});

test("without --cache-dir the store is the run's own: the next run starts empty", async () => {
  const home = tempDir("wr-home-");
  const repo = makeRepo().dir;
  const first = await runTool({ workflow: counting, repo, ref: "refs/heads/main", args: ["--env", `HOME=${home}`] });
  assert.equal(first.code, 0, first.stdout + first.stderr);
  assert.ok(existsSync(path.join(first.work, "caches")));
  const second = await runTool({ workflow: counting, repo, ref: "refs/heads/main", args: ["--env", `HOME=${tempDir("wr-home-")}`] });
  assert.match(outputOf(second.stdout, "build", 1, "Count")[0], /^count=1 hit= matched= /);
});

// Saves a-1, a-2 and b-1 (in that order) of one file, then restores with various keys in a later job.
const matching = `
on: push
jobs:
  fill:
    runs-on: ubuntu-latest
    steps:
${["a-1", "a-2", "b-1"].map((key) => `      - run: mkdir -p data && echo ${key} > data/from
      - uses: actions/cache/save@${SHA}
        with:
          path: data
          key: ${key}`).join("\n")}
  use:
    needs: fill
    runs-on: ubuntu-latest
    steps:
${[
  ["order", "a-9", "b-\n            a-"],
  ["newest", "zzz", "a-"],
  ["prefix", "a-", ""],
  ["exact", "a-1", "b-"],
].map(([id, key, restoreKeys]) => `      - id: ${id}
        uses: actions/cache/restore@${SHA}
        with:
          path: data
          key: ${key}
          restore-keys: |
            ${restoreKeys}
      - run: echo "${id} \${{ steps.${id}.outputs.cache-matched-key }} \${{ steps.${id}.outputs.cache-hit }} $(cat data/from)"`).join("\n")}
      - id: other-path
        uses: actions/cache/restore@${SHA}
        with:
          path: data/
          key: a-1
      - run: echo "other-path '\${{ steps.other-path.outputs.cache-matched-key }}' '\${{ steps.other-path.outputs.cache-hit }}'"
`;

test("the key exactly, then as a prefix, then each restore key in turn, the newest entry first; another path never matches", async () => {
  const r = await runTool({ workflow: matching, repo: makeRepo().dir, ref: "refs/heads/main" });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lines = r.stdout.split("\n").filter((l) => l.startsWith("[use#1 Run echo")).map((l) => l.replace(/^\[[^\]]+\] /, ""));
  assert.deepEqual(lines, [
    "order b-1 false b-1",
    "newest a-2 false a-2",
    "prefix a-2 false a-2",
    "exact a-1 true a-1",
    "other-path '' ''",
  ]);
});

test("findEntry: scopes in order, the version must match", () => {
  const entries = [
    { key: "k-1", version: "v", scope: "refs/heads/main", sequence: 1 },
    { key: "k-2", version: "v", scope: "refs/heads/main", sequence: 2 },
    { key: "k-3", version: "w", scope: "refs/heads/main", sequence: 3 },
    { key: "k-0", version: "v", scope: "refs/heads/feature", sequence: 4 },
  ];
  const find = (scopes, key, restoreKeys = []) => findEntry(entries, { key, restoreKeys, version: "v", scopes })?.key;
  assert.equal(find(["refs/heads/feature", "refs/heads/main"], "k-9", ["k-"]), "k-0", "the run's own ref first");
  assert.equal(find(["refs/heads/other", "refs/heads/main"], "k-9", ["k-"]), "k-2", "then the default branch, newest of the version");
  assert.equal(find(["refs/heads/main"], "k-1", ["k-"]), "k-1", "an exact key before a newer prefix match");
  assert.equal(find(["refs/heads/other"], "k-1"), undefined);
});

// Saves on one ref, restores on another.
const scoped = (key) => `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: r
        uses: actions/cache/restore@${SHA}
        with:
          path: data
          key: s-\${{ github.ref_name }}
          restore-keys: s-
      - name: Show
        run: |
          echo "restored '\${{ steps.r.outputs.cache-matched-key }}'"
          mkdir -p data && echo "\${{ github.ref_name }}" > data/ref
      - uses: actions/cache/save@${SHA}
        with:
          path: data
          key: ${key}
`;

test("a run restores its own ref's entries and the default branch's, never another branch's", async () => {
  const { dir } = makeRepo();
  git(dir, "branch", "feature");
  git(dir, "branch", "other");
  git(dir, "branch", "trunk");
  const store = tempDir("wr-cache-");
  const run = async (ref, extra = []) => {
    const r = await runTool({ workflow: scoped("s-${{ github.ref_name }}"), repo: dir, ref, args: ["--cache-dir", store, ...extra] });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return outputOf(r.stdout, "a", 1, "Show")[0].match(/^restored '([^']*)'$/)[1];
  };
  assert.equal(await run("refs/heads/feature"), "");
  assert.equal(await run("refs/heads/other"), "", "another branch's entry is not visible");
  assert.equal(await run("refs/heads/feature"), "s-feature");
  assert.equal(await run("refs/heads/main"), "");
  assert.equal(await run("refs/tags/v1.2.3"), "s-main", "a tag restores the default branch's");
  assert.equal(await run("refs/heads/trunk", ["--default-branch", "trunk"]), "", "--default-branch names another one");
});

const failures = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: mkdir -p data && echo one > data/x
      - name: Save
        uses: actions/cache/save@${SHA}
        with:
          path: data
          key: taken
      - name: Save again
        uses: actions/cache/save@${SHA}
        with:
          path: data
          key: taken
      - name: Save nothing
        uses: actions/cache/save@${SHA}
        with:
          path: missing
          key: nothing
      - name: Save a comma
        uses: actions/cache/save@${SHA}
        with:
          path: data
          key: a,b
      - name: Look up
        id: look
        uses: actions/cache/restore@${SHA}
        with:
          path: data
          key: taken
          lookup-only: true
      - run: |
          rm -rf data
          echo "looked up \${{ steps.look.outputs.cache-hit }} \${{ steps.look.outputs.cache-matched-key }} $(ls data 2>&1 | head -1)"
      - name: Restore a comma
        continue-on-error: true
        uses: actions/cache/restore@${SHA}
        with:
          path: data
          key: a,b
      - name: Restore or fail
        uses: actions/cache/restore@${SHA}
        with:
          path: data
          key: absent
          fail-on-cache-miss: true
`;

test("a taken key, no files or a bad key only warn when saving; a bad key or fail-on-cache-miss fail a restore; lookup-only restores nothing", async () => {
  const r = await runTool({ workflow: failures, repo: makeRepo().dir, ref: "refs/heads/main" });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const result = (name) => stepOf(r.report, "a", 1, name).result;
  assert.deepEqual(["Save", "Save again", "Save nothing", "Save a comma"].map(result), ["success", "success", "success", "success"]);
  assert.deepEqual(outputOf(r.stdout, "a", 1, "Save again"), [
    "Failed to save: Unable to reserve cache with key taken, another job may be creating this cache.",
    "warning: Cache save failed.",
  ]);
  assert.deepEqual(outputOf(r.stdout, "a", 1, "Save nothing"), [
    "warning: Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.",
    "warning: Cache save failed.",
  ]);
  assert.equal(outputOf(r.stdout, "a", 1, "Save a comma")[0], "warning: Key Validation Error: a,b cannot contain commas.");
  assert.match(r.stdout, /looked up true taken ls: cannot access 'data'/);
  assert.equal(stepOf(r.report, "a", 1, "Restore a comma").outcome, "failure");
  assert.equal(stepOf(r.report, "a", 1, "Restore a comma").error, "Key Validation Error: a,b cannot contain commas.");
  assert.equal(stepOf(r.report, "a", 1, "Restore or fail").result, "failure");
  assert.equal(stepOf(r.report, "a", 1, "Restore or fail").error, "Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: absent");
  assert.deepEqual(r.report.caches.filter((c) => c.action === "save").map((c) => c.saved), [true, false, false, false]);
});

test("modes, symbolic links, times and empty directories come back as saved", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          mkdir -p data/empty data/bin
          printf '#!/bin/sh\\necho hi\\n' > data/bin/tool && chmod 755 data/bin/tool
          ln -s bin/tool data/link
          touch -d '2001-02-03 04:05:06' data/bin/tool
      - uses: actions/cache/save@${SHA}
        with:
          path: data
          key: tree
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - uses: actions/cache/restore@${SHA}
        with:
          path: data
          key: tree
`;
  const r = await runTool({ workflow, repo: makeRepo().dir, ref: "refs/heads/main" });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const data = path.join(r.work, "jobs/b/1/workspace/data");
  assert.equal(statSync(path.join(data, "bin/tool")).mode & 0o777, 0o755);
  assert.equal(statSync(path.join(data, "bin/tool")).mtime.toISOString().slice(0, 4), "2001");
  assert.ok(lstatSync(path.join(data, "link")).isSymbolicLink());
  assert.equal(readlinkSync(path.join(data, "link")), "bin/tool");
  assert.ok(statSync(path.join(data, "empty")).isDirectory());
});

test("a dry run plans both with their keys and leaves the store alone", async () => {
  const store = tempDir("wr-cache-");
  const { dir, shas } = makeRepo();
  const r = await runTool({ workflow: counting, repo: dir, ref: "refs/heads/main", args: ["--dry-run", "--cache-dir", store] });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(stepOf(r.report, "build", 1, "Restore").plan,
    `restore ~/counter, out from the cache entry count-${shas[0]}, else the newest with prefix count-`);
  assert.equal(stepOf(r.report, "build", 1, "Save").plan, `save ~/counter, out as the cache entry count-${shas[0]}`);
  assert.deepEqual(r.report.caches, []);
  assert.deepEqual(readdirSync(store), []);
});
