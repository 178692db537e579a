// The actions this runner emulates, by name (the part of `uses:` before '@').
import * as artifacts from "./artifacts.mjs";
import * as attest from "./attest.mjs";
import * as cache from "./cache.mjs";
import * as checkout from "./checkout.mjs";
import { ActionFailure, Inputs } from "./inputs.mjs";
import * as setupJava from "./setup-java.mjs";
import * as setupQemu from "./setup-qemu.mjs";

const ACTIONS = {
  "actions/checkout": { inputs: checkout.inputs, run: checkout.run },
  "actions/setup-java": { inputs: setupJava.inputs, run: setupJava.run },
  "actions/upload-artifact": { inputs: artifacts.uploadInputs, run: artifacts.upload },
  "actions/download-artifact": { inputs: artifacts.downloadInputs, run: artifacts.download },
  "actions/attest-build-provenance": { inputs: attest.inputs, run: attest.run },
  "actions/cache/restore": { inputs: cache.restoreInputs, run: cache.restore },
  "actions/cache/save": { inputs: cache.saveInputs, run: cache.save },
  "docker/setup-qemu-action": { inputs: setupQemu.inputs, run: setupQemu.run },
};

/** { name, ref } of a `uses:` value; name is lower-case as GitHub matches it. */
export function parseUses(uses) {
  const text = String(uses).trim();
  const at = text.lastIndexOf("@");
  if (text.startsWith("./") || text.startsWith("docker://") || at < 0) return { name: text, ref: "" };
  return { name: text.slice(0, at).toLowerCase(), ref: text.slice(at + 1) };
}

export function findAction(name) {
  return ACTIONS[name];
}

export const supportedActions = Object.keys(ACTIONS);

/**
 * Runs (or, with ctx.dryRun, checks the inputs of) an action.
 * @param given the evaluated `with:` values
 * @param evaluateDefault evaluates a declared default that is an expression (e.g. ${{ github.token }})
 */
export async function runAction(name, given, ctx, evaluateDefault) {
  const action = ACTIONS[name];
  if (!action) throw new ActionFailure(`unsupported action ${name} (supported: ${supportedActions.join(", ")})`);
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.includes("${{") ? evaluateDefault(v) : v]));
  const inputs = new Inputs(given, defaults);
  if (inputs.unexpected.length > 0) {
    ctx.warn(`Unexpected input(s) '${inputs.unexpected.join("', '")}', valid inputs are ['${inputs.declared.join("', '")}']`);
  }
  return action.run({ ...ctx, inputs });
}

export { ActionFailure };
