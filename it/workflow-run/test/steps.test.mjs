// Step results: a failure and what follows it, continue-on-error, timeouts, unsupported actions,
// expression errors.
import assert from "node:assert/strict";
import { test } from "node:test";
import { makeRepo, runTool } from "./helpers.mjs";

const repo = makeRepo().dir;

test("after a failed step only always() and failure() steps run, and the leg fails", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Fine
        run: echo fine
      - name: Breaks
        run: |
          echo about to fail
          exit 3
          echo not reached
      - name: Plain
        run: echo plain-ran
      - name: Always
        if: always()
        run: echo "always-ran, job status \${{ job.status }}"
      - name: On failure
        if: failure()
        run: echo failure-ran
      - name: On success
        if: success()
        run: echo success-ran
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  const steps = r.report.jobs[0].legs[0].steps;
  assert.deepEqual(steps.map((s) => [s.name, s.result]), [
    ["Fine", "success"],
    ["Breaks", "failure"],
    ["Plain", "skipped"],
    ["Always", "success"],
    ["On failure", "success"],
    ["On success", "skipped"],
  ]);
  assert.equal(steps[1].error, "Process completed with exit code 3.");
  assert.match(r.stdout, /always-ran, job status failure/);
  assert.match(r.stdout, /failure-ran/);
  assert.doesNotMatch(r.stdout, /plain-ran|success-ran|not reached/);
  assert.equal(r.report.jobs[0].legs[0].result, "failure");
  assert.equal(r.report.jobs[0].result, "failure");
});

test("continue-on-error: outcome failure, conclusion success, the next steps run", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - id: flaky
        continue-on-error: true
        run: exit 1
      - name: Next
        run: echo "outcome=\${{ steps.flaky.outcome }} conclusion=\${{ steps.flaky.conclusion }}"
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /outcome=failure conclusion=success/);
  assert.deepEqual(
    r.report.jobs[0].legs[0].steps.map((s) => [s.outcome, s.conclusion]),
    [["failure", "success"], ["success", "success"]],
  );
});

test("timeout-minutes ends a step that runs too long", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Slow
        timeout-minutes: 0.02
        run: |
          echo started
          sleep 30
          echo not reached
`;
  const started = Date.now();
  const r = await runTool({ workflow, repo });
  assert.ok(Date.now() - started < 15_000, "the step was ended, not waited for");
  assert.equal(r.code, 1);
  const step = r.report.jobs[0].legs[0].steps[0];
  assert.equal(step.result, "failure");
  assert.match(step.error, /has timed out after 0\.02 minutes/);
  assert.doesNotMatch(r.stdout, /not reached/);
});

test("Ctrl-C cancels the running step; always() steps still run and see job.status cancelled", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Long
        run: echo long-started; sleep 30
      - name: Cleanup
        if: always()
        run: echo "cleanup sees \${{ job.status }}"
      - name: Next
        run: echo never
`;
  const started = Date.now();
  const r = await runTool({ workflow, repo, interruptWhen: /long-started/ });
  assert.ok(Date.now() - started < 15_000);
  assert.equal(r.code, 1);
  assert.equal(r.report.result, "cancelled");
  assert.deepEqual(r.report.jobs[0].legs[0].steps.map((s) => s.result), ["cancelled", "success", "skipped"]);
  assert.match(r.stdout, /cleanup sees cancelled/);
});

test("processes a step leaves in the background are ended when the leg ends", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          sleep 60 > /dev/null 2>&1 &
          echo "pid=$!"
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const pid = Number(/\] pid=(\d+)$/m.exec(r.stdout)[1]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 40 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(alive(), false, `the background sleep (pid ${pid}) was ended`);
});

test("an action this runner does not emulate fails its step, naming it", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: someone/something@0123456789abcdef0123456789abcdef01234567
      - run: echo after
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  const [step, after] = r.report.jobs[0].legs[0].steps;
  assert.equal(step.result, "failure");
  assert.match(step.error, /^unsupported action someone\/something/);
  assert.equal(step.ref, "0123456789abcdef0123456789abcdef01234567");
  assert.equal(after.result, "skipped");
});

test("an unknown function is a hard error naming the step and the expression", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Build
        env:
          X: \${{ toUpper(github.ref) }}
        run: echo never
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /job 'a', step 1 'Build', env\.X: Unrecognized function: 'toUpper' in expression 'toUpper\(github\.ref\)'/);
  assert.doesNotMatch(r.stdout, /never/);
  assert.equal(r.report.result, "error");
});

test("an expression that fails on its values fails its step, as on GitHub", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Parse
        env:
          CONFIG: \${{ fromJSON('not json') }}
        run: echo never
      - name: Next
        run: echo next-ran
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  const [parse, next] = r.report.jobs[0].legs[0].steps;
  assert.equal(parse.result, "failure");
  assert.match(parse.error, /step 1 'Parse', env\.CONFIG: fromJSON: not valid JSON: not json/);
  assert.equal(next.result, "skipped");
  assert.doesNotMatch(r.stdout, /never|next-ran/);
});

test("a syntax error in an if is a hard error; an unknown property is ''", async () => {
  const bad = await runTool({ workflow: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: S\n        if: github.ref ==\n        run: true\n", repo });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /step 1 'S', if: github\.ref ==: Unexpected end of the expression, expected a value/);
  const unknown = await runTool({ workflow: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"[${{ github.no_such_property }}]\"\n", repo });
  assert.equal(unknown.code, 0);
  assert.match(unknown.stdout, /\] \[\]$/m);
});

test("contexts a place does not have are errors, as on GitHub (no env in a job's if, no secrets in a step's)", async () => {
  const r = await runTool({ workflow: "on: push\njobs:\n  a:\n    if: env.X == 'y'\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n", repo });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /job 'a', if: env.X == 'y': Unrecognized named-value: 'env'/);
  const secret = await runTool({ workflow: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: secrets.X != ''\n        run: true\n", repo });
  assert.equal(secret.code, 2);
  assert.match(secret.stderr, /job 'a', step 1, if: secrets.X != '': Unrecognized named-value: 'secrets'/);
});

test("expressions are checked before anything runs, also in jobs this event skips", async () => {
  const workflow = `
on: push
jobs:
  first:
    runs-on: ubuntu-latest
    steps:
      - run: echo first-ran
  later:
    if: github.event_name == 'schedule'
    needs: first
    runs-on: ubuntu-latest
    steps:
      - name: Odd
        run: echo "\${{ join(github.event.commits.*.id, ',', 'extra') }}"
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /job 'later', step 1 'Odd', run: Function 'join' takes 1 to 2 argument\(s\), got 3/);
  assert.doesNotMatch(r.stdout, /first-ran/);
  assert.equal(r.report.result, "error");
});
