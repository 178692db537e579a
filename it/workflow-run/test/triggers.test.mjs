import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkTrigger, matchesFilters } from "../lib/triggers.mjs";
import { runTool } from "./helpers.mjs";

const generated = {
  push: { branches: ["main", "release/**"], tags: ["v*"] },
  pull_request: {},
  workflow_dispatch: {},
};

describe("push filters", () => {
  test("tags: v* takes v1.2.3, not x1.0 nor a nested name", () => {
    assert.equal(checkTrigger(generated, "push", "refs/tags/v1.2.3").runs, true);
    assert.equal(checkTrigger(generated, "push", "refs/tags/x1.0").runs, false);
    assert.equal(checkTrigger(generated, "push", "refs/tags/v1/beta").runs, false);
  });
  test("branches: main and release/** (across slashes)", () => {
    assert.equal(checkTrigger(generated, "push", "refs/heads/main").runs, true);
    assert.equal(checkTrigger(generated, "push", "refs/heads/release/1.x/hotfix").runs, true);
    assert.equal(checkTrigger(generated, "push", "refs/heads/feature").runs, false);
    assert.equal(checkTrigger(generated, "push", "refs/heads/mainline").runs, false);
  });
  test("filters on branches only: a tag push does not start the workflow", () => {
    const result = checkTrigger({ push: { branches: ["main"] } }, "push", "refs/tags/v1.2.3");
    assert.equal(result.runs, false);
    assert.match(result.reason, /filters only branches/);
  });
  test("no filters: every branch and tag", () => {
    assert.equal(checkTrigger({ push: null }, "push", "refs/tags/v9").runs, true);
    assert.equal(checkTrigger("push", "push", "refs/heads/any").runs, true);
    assert.equal(checkTrigger(["push", "pull_request"], "push", "refs/heads/any").runs, true);
  });
  test("a later !pattern excludes, a later pattern includes again", () => {
    assert.equal(matchesFilters("v1.0-rc1", ["v*", "!v*-rc*"]), false);
    assert.equal(matchesFilters("v1.0", ["v*", "!v*-rc*"]), true);
    assert.equal(matchesFilters("v1.0-rc1", ["v*", "!v*-rc*", "v1.0-rc1"]), true);
  });
  test("branches-ignore and tags-ignore", () => {
    assert.equal(checkTrigger({ push: { "branches-ignore": ["wip/*"] } }, "push", "refs/heads/wip/x").runs, false);
    assert.equal(checkTrigger({ push: { "branches-ignore": ["wip/*"] } }, "push", "refs/heads/main").runs, true);
    assert.equal(checkTrigger({ push: { "tags-ignore": ["v*-rc*"] } }, "push", "refs/tags/v1-rc1").runs, false);
  });
  test("? and + quantify the character before them, [] is a class", () => {
    assert.equal(matchesFilters("v10", ["v1+0"]), true);
    assert.equal(matchesFilters("v110", ["v1+0"]), true);
    assert.equal(matchesFilters("v0", ["v1?0"]), true);
    assert.equal(matchesFilters("v3", ["v[0-2]"]), false);
  });
});

describe("events", () => {
  test("an event the workflow does not list", () => {
    const result = checkTrigger({ push: {} }, "pull_request", "refs/heads/main");
    assert.equal(result.runs, false);
    assert.match(result.reason, /does not run on 'pull_request'/);
  });
  test("other listed events run, with a note on filters that are not evaluated", () => {
    const result = checkTrigger({ pull_request: { branches: ["main"], paths: ["src/**"] } }, "pull_request", "refs/heads/main");
    assert.equal(result.runs, true);
    assert.equal(result.notes.length, 2);
  });
});

test("the CLI refuses a ref the workflow does not run for, and runs nothing", async () => {
  const workflow = `on:\n  push:\n    branches: [main]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo should-not-run\n`;
  const r = await runTool({ workflow, ref: "refs/tags/v1.2.3" });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /does not run for this event\/ref: push of tag 'v1\.2\.3': the workflow filters only branches/);
  assert.doesNotMatch(r.stdout, /should-not-run/);
  const other = await runTool({ workflow, ref: "refs/tags/v1.2.3", event: "workflow_dispatch" });
  assert.equal(other.code, 2);
  assert.match(other.stderr, /does not run on 'workflow_dispatch'/);
});
