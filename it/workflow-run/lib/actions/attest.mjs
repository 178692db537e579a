// actions/attest-build-provenance, locally: the subjects are found and digested as the action
// does and recorded in the run's report; nothing is signed or sent. The job's token must carry
// the permissions the action needs (id-token: write, attestations: write), as on GitHub.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { globFiles } from "../glob.mjs";
import { ActionFailure } from "./inputs.mjs";

export const inputs = {
  "subject-path": "",
  "subject-digest": "",
  "subject-name": "",
  "subject-checksums": "",
  "push-to-registry": "false",
  "show-summary": "true",
  "github-token": "${{ github.token }}",
};

const NEEDED = { "id-token": "write", attestations: "write" };

/** Problems with the token permissions for an attestation, given the effective `permissions:`. */
export function permissionProblems(permissions) {
  if (permissions === "write-all") return [];
  const granted = permissions && typeof permissions === "object" ? permissions : {};
  const where = permissions === undefined ? "no permissions: block (the default token has no id-token)" : `permissions: ${JSON.stringify(permissions)}`;
  return Object.entries(NEEDED)
    .filter(([scope, level]) => granted[scope] !== level)
    .map(([scope, level]) => `needs ${scope}: ${level}, the job has ${where}`);
}

function sha256(file) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

// Comma- or newline-separated paths, as the action's CSV parsing splits them.
function splitPaths(text) {
  return text
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function subjectsFromChecksums(text) {
  const subjects = [];
  for (const record of text.split("\n").filter(Boolean)) {
    const space = record.indexOf(" ");
    if (space < 0) continue;
    const digest = record.slice(0, space);
    let name = record.slice(space + 1);
    if (name.startsWith("*") || name.startsWith(" ")) name = name.slice(1);
    if (!/^[0-9a-fA-F]{64}$/.test(digest)) throw new ActionFailure(`Invalid digest: ${digest} (only sha256 is recorded here)`);
    subjects.push({ name, path: name, sha256: digest.toLowerCase() });
  }
  return subjects;
}

export async function run(ctx) {
  const { inputs: input } = ctx;
  const subjectPath = input.get("subject-path");
  const subjectDigest = input.get("subject-digest");
  const subjectChecksums = input.get("subject-checksums");
  const given = [subjectPath, subjectDigest, subjectChecksums].filter(Boolean).length;
  if (given === 0) throw new ActionFailure("One of subject-path, subject-digest, or subject-checksums must be provided");
  if (given > 1) throw new ActionFailure("Only one of subject-path, subject-digest, or subject-checksums may be provided");
  if (subjectDigest && !input.has("subject-name")) throw new ActionFailure("subject-name must be provided when using subject-digest");
  if (input.boolean("push-to-registry")) throw new ActionFailure("push-to-registry: true is not supported by this local runner");
  const problems = permissionProblems(ctx.job.permissions);
  if (problems.length > 0) throw new ActionFailure(`Attestation needs more token permissions: ${problems.join("; ")}`);
  if (ctx.dryRun) return { plan: `record sha256 of ${subjectPath ? splitPaths(subjectPath).join(", ") : subjectDigest ? input.get("subject-name") : "the checksums' subjects"}` };

  let subjects;
  if (subjectPath) {
    const { files } = globFiles(splitPaths(subjectPath).join("\n"), { cwd: ctx.workspace });
    const seen = new Set();
    subjects = [];
    for (const file of files.filter((f) => statSync(f).isFile())) {
      const digest = sha256(file);
      const name = input.get("subject-name") || path.basename(file);
      if (seen.has(`${name}@${digest}`)) continue;
      seen.add(`${name}@${digest}`);
      subjects.push({ name, path: path.relative(ctx.workspace, file), sha256: digest });
    }
    if (subjects.length === 0) throw new ActionFailure(`Could not find subject at path ${subjectPath}`);
  } else if (subjectDigest) {
    const m = /^sha256:([A-Fa-f0-9]{64})$/.exec(subjectDigest);
    if (!m) throw new ActionFailure('subject-digest must be in the format "sha256:<hex-digest>"');
    subjects = [{ name: input.get("subject-name"), path: input.get("subject-name"), sha256: m[1].toLowerCase() }];
  } else {
    const file = path.resolve(ctx.workspace, subjectChecksums);
    subjects = subjectsFromChecksums(existsSync(file) ? readFileSync(file, "utf8") : subjectChecksums);
  }
  for (const s of subjects) {
    ctx.run.attestations.push({ ...s, job: ctx.job.id, leg: ctx.leg });
    ctx.log(`attested ${s.path} sha256:${s.sha256}`);
  }
  return { outputs: { "attestation-id": "", "attestation-url": "", "bundle-path": "" } };
}
