// docker/setup-qemu-action, locally: the action registers QEMU's binfmt handlers on the runner;
// here they must already be registered on this machine (the action's own container is not run).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { arch } from "node:os";
import { ActionFailure } from "./inputs.mjs";

export const inputs = { image: "", platforms: "all", "cache-image": "true" };

const BINFMT = "/proc/sys/fs/binfmt_misc";

// Docker platform (or architecture) name -> QEMU binfmt handler name.
const QEMU_NAMES = {
  amd64: "x86_64",
  "386": "i386",
  arm64: "aarch64",
  arm: "arm",
  riscv64: "riscv64",
  s390x: "s390x",
  ppc64le: "ppc64le",
  ppc64: "ppc64",
  mips64le: "mips64el",
  mips64: "mips64",
  mipsle: "mipsel",
  mips: "mips",
  loong64: "loongarch64",
};

const HOST = { x64: "amd64", arm64: "arm64", s390x: "s390x", ppc64: "ppc64le", riscv64: "riscv64" }[arch()];

function enabled(handler) {
  const file = `${BINFMT}/qemu-${handler}`;
  return existsSync(file) && readFileSync(file, "utf8").split("\n")[0].trim() === "enabled";
}

export async function run(ctx) {
  const platforms = ctx.inputs
    .get("platforms")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => p.replace(/^linux\//, "").replace(/\/.*$/, ""));
  const handlers = [];
  for (const p of platforms) {
    if (p === "all" || p === HOST) continue;
    const name = QEMU_NAMES[p];
    if (!name) throw new ActionFailure(`unknown platform '${p}' (known: ${Object.keys(QEMU_NAMES).join(", ")})`);
    handlers.push([p, name]);
  }
  if (ctx.dryRun) return { plan: `check binfmt handlers: ${handlers.map(([, n]) => `qemu-${n}`).join(", ") || "any"}` };
  const fix = "Install qemu-user-static and binfmt-support (Debian) and run 'update-binfmts --enable'.";
  if (!existsSync(`${BINFMT}/status`)) throw new ActionFailure(`binfmt_misc is not mounted at ${BINFMT}. ${fix}`);
  const missing = handlers.filter(([, n]) => !enabled(n));
  if (missing.length > 0) {
    throw new ActionFailure(`QEMU is not registered for ${missing.map(([p, n]) => `${p} (qemu-${n})`).join(", ")}. ${fix}`);
  }
  if (platforms.includes("all") && !readdirSync(BINFMT).some((f) => f.startsWith("qemu-"))) {
    throw new ActionFailure(`no QEMU binfmt handler is registered. ${fix}`);
  }
  ctx.log(`binfmt handlers present: ${handlers.map(([, n]) => `qemu-${n}`).join(", ") || "(all requested)"}`);
  return { outputs: { platforms: handlers.map(([p]) => `linux/${p}`).join(",") } };
}
