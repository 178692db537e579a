// `runs-on` labels -> the runner's OS and architecture, for GitHub-hosted and self-hosted labels.
import { WorkflowError } from "./workflow.mjs";

const OS_OF_SELF_HOSTED_LABEL = { linux: "Linux", macos: "macOS", windows: "Windows" };
const NEUTRAL_LABELS = ["self-hosted", "x64", "x86", "arm64", "arm"];

function osOfLabel(label) {
  if (/^ubuntu(-|$)/.test(label)) return "Linux";
  if (/^macos(-|$)/.test(label)) return "macOS";
  if (/^windows(-|$)/.test(label)) return "Windows";
  return OS_OF_SELF_HOSTED_LABEL[label];
}

function archOfLabels(labels, os) {
  if (labels.some((l) => /-arm(64)?$/.test(l) || l === "arm64")) return "ARM64";
  // GitHub's standard macOS images from macos-14 on, and macos-latest, run on Apple silicon.
  if (os === "macOS" && labels.some((l) => l === "macos-latest" || /^macos-(1[4-9]|[2-9]\d)(-xlarge)?$/.test(l))) return "ARM64";
  return "X64";
}

/**
 * @param runsOn the evaluated runs-on: a label, a list of labels or { group, labels }
 * @returns { label, labels, os, arch }
 */
export function resolveRunner(runsOn) {
  let labels;
  if (typeof runsOn === "string") labels = [runsOn];
  else if (Array.isArray(runsOn)) labels = runsOn.map(String);
  else if (runsOn && typeof runsOn === "object") labels = [runsOn.labels ?? []].flat().map(String);
  else throw new WorkflowError(`runs-on must be a label or a list of labels, got ${JSON.stringify(runsOn)}`);
  labels = labels.map((l) => l.trim().toLowerCase()).filter((l) => l !== "");
  if (labels.length === 0) throw new WorkflowError(`runs-on ${JSON.stringify(runsOn)} names no runner label`);
  let os;
  for (const label of labels) {
    if (NEUTRAL_LABELS.includes(label)) continue;
    const labelOs = osOfLabel(label);
    if (!labelOs) {
      throw new WorkflowError(`runs-on label '${label}' is unknown: expected ubuntu-*, macos-* or windows-* (or self-hosted with linux, macos or windows)`);
    }
    if (os && os !== labelOs) throw new WorkflowError(`runs-on ${JSON.stringify(runsOn)} names both ${os} and ${labelOs}`);
    os = labelOs;
  }
  if (!os) throw new WorkflowError(`runs-on ${JSON.stringify(runsOn)} names no operating system`);
  return { label: labels.join(","), labels, os, arch: archOfLabels(labels, os) };
}
