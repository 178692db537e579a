// The environment steps see: precedence, GitHub's variables, GITHUB_ENV / GITHUB_PATH, the
// working directory, shells, secrets.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fakeBin, makeRepo, outputOf, runTool } from "./helpers.mjs";

const { dir: repo, tags } = makeRepo();

test("process env, then GitHub's variables, then --env, then workflow, job and step env", async () => {
  const workflow = `
on: push
env:
  FROM_WORKFLOW: workflow
  OVERRIDDEN_BY_JOB: workflow
  OVERRIDDEN_BY_STEP: workflow
jobs:
  show:
    runs-on: ubuntu-24.04-arm
    env:
      OVERRIDDEN_BY_JOB: job
      OVERRIDDEN_BY_STEP: job
      FROM_CLI: job
    steps:
      - name: Show
        env:
          OVERRIDDEN_BY_STEP: step
          CONTEXT: \${{ env.OVERRIDDEN_BY_JOB }}
        run: |
          for v in FROM_PROCESS PROCESS_VS_CLI FROM_CLI GITHUB_REF FROM_WORKFLOW OVERRIDDEN_BY_JOB OVERRIDDEN_BY_STEP CONTEXT; do
            echo "$v=\${!v}"
          done
          echo "CI=$CI GITHUB_ACTIONS=$GITHUB_ACTIONS"
          echo "GITHUB_REF=$GITHUB_REF GITHUB_REF_NAME=$GITHUB_REF_NAME GITHUB_REF_TYPE=$GITHUB_REF_TYPE"
          echo "GITHUB_SHA=$GITHUB_SHA"
          echo "GITHUB_REPOSITORY=$GITHUB_REPOSITORY GITHUB_REPOSITORY_OWNER=$GITHUB_REPOSITORY_OWNER"
          echo "GITHUB_SERVER_URL=$GITHUB_SERVER_URL GITHUB_API_URL=$GITHUB_API_URL"
          echo "GITHUB_EVENT_NAME=$GITHUB_EVENT_NAME GITHUB_JOB=$GITHUB_JOB GITHUB_ACTOR=$GITHUB_ACTOR GITHUB_WORKFLOW=$GITHUB_WORKFLOW"
          echo "RUNNER_OS=$RUNNER_OS RUNNER_ARCH=$RUNNER_ARCH"
          echo "PWD_IS_WORKSPACE=$([ "$PWD" = "$GITHUB_WORKSPACE" ] && echo yes)"
          echo "RUN=$GITHUB_RUN_ID/$GITHUB_RUN_NUMBER/$GITHUB_RUN_ATTEMPT"
          echo "RUNNER_TEMP=$RUNNER_TEMP"
          echo "DOCKER_CONFIG=$DOCKER_CONFIG"
          echo "DOCKER_CONFIG_FILES=$(ls -A "$DOCKER_CONFIG" | wc -l)"
`;
  const r = await runTool({
    workflow,
    repo,
    args: ["--env", "PROCESS_VS_CLI=cli", "--env", "FROM_CLI=cli", "--actor", "octo", "--server-url", "https://ghe.example.com", "--api-url", "https://ghe.example.com/api/v3"],
    env: { ...process.env, FROM_PROCESS: "process", PROCESS_VS_CLI: "process", GITHUB_REF: "refs/heads/outer" },
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const lines = outputOf(r.stdout, "show", 1, "Show");
  const value = (name) => lines.find((l) => l.startsWith(`${name}=`))?.slice(name.length + 1);
  assert.equal(value("FROM_PROCESS"), "process");
  assert.equal(value("PROCESS_VS_CLI"), "cli");
  assert.equal(value("FROM_CLI"), "job");
  assert.equal(value("FROM_WORKFLOW"), "workflow");
  assert.equal(value("OVERRIDDEN_BY_JOB"), "job");
  assert.equal(value("OVERRIDDEN_BY_STEP"), "step");
  assert.equal(value("CONTEXT"), "job");
  assert.ok(lines.includes("CI=true GITHUB_ACTIONS=true"));
  assert.ok(lines.includes("GITHUB_REF=refs/tags/v1.2.3 GITHUB_REF_NAME=v1.2.3 GITHUB_REF_TYPE=tag"));
  assert.ok(lines.includes(`GITHUB_SHA=${tags["v1.2.3"]}`), "the tag's commit, not the tag object");
  assert.ok(lines.includes("GITHUB_REPOSITORY=acme/widget GITHUB_REPOSITORY_OWNER=acme"));
  assert.ok(lines.includes("GITHUB_SERVER_URL=https://ghe.example.com GITHUB_API_URL=https://ghe.example.com/api/v3"));
  assert.ok(lines.includes("GITHUB_EVENT_NAME=push GITHUB_JOB=show GITHUB_ACTOR=octo GITHUB_WORKFLOW=workflow.yml"));
  assert.ok(lines.includes("RUNNER_OS=Linux RUNNER_ARCH=ARM64"));
  assert.ok(lines.includes("PWD_IS_WORKSPACE=yes"));
  assert.match(value("RUN"), /^\d+\/1\/1$/);
  const temp = value("RUNNER_TEMP");
  assert.equal(value("DOCKER_CONFIG"), path.join(temp, "docker-config"));
  assert.ok(temp.startsWith(r.work), "each leg's directories are under --work");
  assert.equal(value("DOCKER_CONFIG_FILES"), "0", "a fresh runner has no docker logins");
});

test("the public GitHub URLs by default; --server-url needs --api-url", async () => {
  const workflow = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"$GITHUB_SERVER_URL $GITHUB_API_URL ${{ github.api_url }}\"\n";
  const r = await runTool({ workflow, repo });
  assert.match(r.stdout, /\] https:\/\/github\.com https:\/\/api\.github\.com https:\/\/api\.github\.com$/m);
  const half = await runTool({ workflow, repo, args: ["--server-url", "https://ghe.example.com"] });
  assert.equal(half.code, 2);
  assert.match(half.stderr, /--server-url and --api-url go together/);
});

test("GITHUB_ENV (both forms) and GITHUB_PATH reach the later steps", async () => {
  const workflow = `
on: push
env:
  FROM_JOB_YAML: yaml
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Write
        id: write
        run: |
          { echo "listing<<OUT"; echo "a.tar.gz"; echo "b.zip"; echo "OUT"; } >> "$GITHUB_OUTPUT"
          echo "## Built" >> "$GITHUB_STEP_SUMMARY"
          mkdir -p tools
          printf '#!/bin/sh\\necho hello from tools\\n' > tools/hello
          chmod +x tools/hello
          echo "$PWD/tools" >> "$GITHUB_PATH"
          echo "SIMPLE=one=two" >> "$GITHUB_ENV"
          echo "FROM_JOB_YAML=file" >> "$GITHUB_ENV"
          echo "STEP_WINS=file" >> "$GITHUB_ENV"
          { echo "MULTI<<EOF_1"; echo "line 1"; echo "line 2"; echo "EOF_1"; } >> "$GITHUB_ENV"
          echo "SIMPLE=$SIMPLE (not yet)"
      - name: Read
        env:
          STEP_WINS: step
        run: |
          echo "SIMPLE=$SIMPLE"
          echo "CONTEXT=\${{ env.SIMPLE }}"
          echo "FROM_JOB_YAML=$FROM_JOB_YAML"
          echo "STEP_WINS=$STEP_WINS"
          echo "$MULTI" | sed 's/^/multi: /'
          hello
          echo "FIRST_ON_PATH=\${PATH%%:*}"
          echo "\${{ steps.write.outputs.listing }}" | sed 's/^/output: /'
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(outputOf(r.stdout, "a", 1, "Write"), ["SIMPLE= (not yet)"]);
  const read = outputOf(r.stdout, "a", 1, "Read");
  assert.deepEqual(read.slice(0, 7), ["SIMPLE=one=two", "CONTEXT=one=two", "FROM_JOB_YAML=file", "STEP_WINS=step", "multi: line 1", "multi: line 2", "hello from tools"]);
  assert.match(read[7], /^FIRST_ON_PATH=.*\/workspace\/tools$/);
  assert.deepEqual(read.slice(8), ["output: a.tar.gz", "output: b.zip"]);
  assert.equal(readFileSync(r.report.jobs[0].legs[0].summary, "utf8"), "## Built\n");
});

test("a malformed GITHUB_ENV heredoc fails the step that wrote it", async () => {
  const workflow = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Bad\n        run: printf 'X<<END\\nno end\\n' >> \"$GITHUB_ENV\"\n";
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  assert.match(r.report.jobs[0].legs[0].steps[0].error, /matching delimiter 'END' not found for 'X'/);
});

test("working-directory: the step's, else defaults.run's; a missing one fails the step", async () => {
  const workflow = `
on: push
defaults:
  run:
    working-directory: sub
jobs:
  a:
    runs-on: ubuntu-latest
    defaults:
      run:
        shell: bash
    steps:
      - name: Make
        working-directory: .
        run: mkdir -p sub/deeper
      - name: Default
        run: echo "in \${PWD#$GITHUB_WORKSPACE}"
      - name: Own
        working-directory: sub/deeper
        run: echo "in \${PWD#$GITHUB_WORKSPACE}"
      - name: Missing
        working-directory: nowhere
        run: echo never
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  assert.deepEqual(outputOf(r.stdout, "a", 1, "Default"), ["in /sub"]);
  assert.deepEqual(outputOf(r.stdout, "a", 1, "Own"), ["in /sub/deeper"]);
  const missing = r.report.jobs[0].legs[0].steps[3];
  assert.equal(missing.result, "failure");
  assert.match(missing.error, /working directory '.*\/workspace\/nowhere'\. No such file or directory/);
});

test("shells: bash gets pipefail, no shell: gets bash -e, sh works, others are refused", async () => {
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Default shell
        run: false | true
      - name: Sh
        shell: sh
        run: echo "sh says $0" | sed 's/sh says .*\\.sh$/sh ran a script file/'
      - name: Bash
        shell: bash
        run: false | true
`;
  const r = await runTool({ workflow, repo });
  assert.equal(r.code, 1);
  assert.deepEqual(r.report.jobs[0].legs[0].steps.map((s) => s.result), ["success", "success", "failure"]);
  assert.deepEqual(outputOf(r.stdout, "a", 1, "Sh"), ["sh ran a script file"]);
  const other = await runTool({ workflow: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - shell: python\n        run: print(1)\n", repo });
  assert.equal(other.code, 2);
  assert.match(other.stderr, /shell 'python' is not supported by this local runner \(supported: bash, sh\)/);
});

test("a docker login step: runner.os, github.actor and a secret through env, the password on stdin", async () => {
  const bin = fakeBin({
    docker: 'echo "args=$*" > "$DOCKER_CONFIG/login-call"; echo "stdin=$(cat)" >> "$DOCKER_CONFIG/login-call"; echo "config=$DOCKER_CONFIG" >> "$DOCKER_CONFIG/login-call"',
  });
  const workflow = `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Log in to the registry
        if: runner.os == 'Linux'
        env:
          REGISTRY_USER: \${{ github.actor }}
          REGISTRY_PASSWORD: \${{ secrets.REGISTRY_PASSWORD }}
        run: |
          printf '%s' "$REGISTRY_PASSWORD" | docker login --username "$REGISTRY_USER" --password-stdin
          echo "logged in with $REGISTRY_PASSWORD"
          test "\${{ secrets.REGISTRY_PASSWORD }}" = "$REGISTRY_PASSWORD"
      - name: Skipped elsewhere
        if: runner.os == 'Windows'
        run: echo never
`;
  const r = await runTool({
    workflow,
    repo,
    args: ["--actor", "octo", "--secret", "REGISTRY_PASSWORD=s3cr3t-value", "--env", `PATH=${bin}:${process.env.PATH}`],
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const config = path.join(r.work, "jobs", "a", "1", "temp", "docker-config");
  const call = readFileSync(path.join(config, "login-call"), "utf8").split("\n");
  assert.equal(call[0], "args=login --username octo --password-stdin");
  assert.equal(call[1], "stdin=s3cr3t-value");
  assert.equal(call[2], `config=${config}`, "the leg's own docker config, not the user's");
  assert.match(r.stdout, /logged in with \*\*\*$/m, "secrets are masked in the output");
  assert.doesNotMatch(r.stdout, /s3cr3t-value/);
  const reportText = readFileSync(path.join(r.work, "report.json"), "utf8");
  assert.ok(reportText.includes('test \\"***\\" = \\"$REGISTRY_PASSWORD\\"'), "the interpolated script is in the report, masked");
  assert.doesNotMatch(reportText, /s3cr3t-value/);
  assert.equal(r.report.jobs[0].legs[0].steps[1].result, "skipped");
});
