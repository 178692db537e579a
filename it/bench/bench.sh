#!/usr/bin/env bash
# cross-build benchmark: measures side by side, in one run, the ratios the design sets goals for, and
# prints them as a table. Not a test: figures vary with the machine, so compare ratios and read medians.
#
#   bash it/bench/bench.sh            # needs the engine (it/engine/setup.sh) and the plugin installed
#   REPEAT=5 FILES=160 bash it/bench/bench.sh
#   BENCH=cargo CARGO_EMULATED=0 bash it/bench/bench.sh    # only the cargo rows, without the QEMU one
#   BENCH=builders bash it/bench/bench.sh   # four C targets on one builder vs two (needs it/engine/builders.sh)
#   BENCH=loop bash it/bench/bench.sh       # only the everyday loop: one changed file, no change, plugin start,
#                                           # and a fresh CI runner (registry cache + build cache directory)
#
# The workloads: a generated C project (FILES translation units, linked with zlib) built with make -j2, so
# that compile time, not container start-up, dominates the figures; and a Rust program made from
# examples/hello-cargo (serde from Debian's crates) as a two-crate workspace (a library of MODULES generated
# modules, the binary calling it), built by the cargo recipe.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
REPEAT=${REPEAT:-3}
FILES=${FILES:-120}
MODULES=${MODULES:-20}
BENCH=${BENCH:-all}                    # c, cargo, builders, loop or all
CARGO_EMULATED=${CARGO_EMULATED:-1}    # 0 skips the cargo row that builds aarch64 under QEMU (many minutes)
case "$BENCH" in c|cargo|builders|loop|all) ;; *) echo "BENCH must be c, cargo, builders, loop or all, not '$BENCH'" >&2; exit 2 ;; esac
work=$(mktemp -d /tmp/cross-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mvn=("$root/mvnw" -B -q -o)
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/pom.xml" | head -1)

# --- the project -----------------------------------------------------------------------------------
proj="$work/bench-c"
mkdir -p "$proj/src"
for i in $(seq 1 "$FILES"); do
  {
    echo "#include <zlib.h>"
    echo "unsigned long f$i(const unsigned char *p, unsigned n) {"
    echo "  unsigned long h = $i; for (unsigned k = 0; k < n; k++) { h = h * 31 + p[k] + crc32(h, p, k % 7); }"
    for j in $(seq 1 40); do echo "  h ^= (h << $((j % 13 + 1))) + $j * p[$j % (n ? n : 1)];"; done
    echo "  return h; }"
  } > "$proj/src/f$i.c"
done
{
  echo "#include <stdio.h>"
  for i in $(seq 1 "$FILES"); do echo "unsigned long f$i(const unsigned char *, unsigned);"; done
  echo "int main(void) { const unsigned char m[] = \"cross-build\"; unsigned long h = 0;"
  for i in $(seq 1 "$FILES"); do echo "  h += f$i(m, 11);"; done
  echo "  printf(\"%lx\\n\", h); return 0; }"
} > "$proj/src/main.c"
printf 'SRC := $(wildcard src/*.c)\nOBJ := $(SRC:.c=.o)\nbench: $(OBJ)\n\t$(CC) -o $@ $(OBJ) -lz\n%%.o: %%.c\n\t$(CC) -O2 -c -o $@ $<\n' > "$proj/Makefile"
cat > "$proj/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.crossbuild.bench</groupId>
  <artifactId>bench-c</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <properties>
    <aarch64.strategy></aarch64.strategy>
    <base.amd64>amd64/debian:bookworm-slim</base.amd64>
    <aarch64.image>amd64/debian:bookworm-slim</aarch64.image>
    <bench.make>make -j2</bench.make>
    <bench.manifests>none</bench.manifests>
    <bench.deps>true</bench.deps>
  </properties>
  <build><plugins><plugin>
    <groupId>dev.crossbuild</groupId>
    <artifactId>cross-build-maven-plugin</artifactId>
    <version>$version</version>
    <configuration>
      <targets>
        <target><triple>x86_64-unknown-linux-gnu</triple><image>\${base.amd64}</image></target>
        <target>
          <triple>aarch64-unknown-linux-gnu</triple>
          <strategy>\${aarch64.strategy}</strategy>
          <image>\${aarch64.image}</image>
        </target>
      </targets>
      <recipe>make</recipe>
      <setup><package>zlib1g-dev</package></setup>
      <manifests><manifest>\${bench.manifests}</manifest></manifests>
      <depsCommand>\${bench.deps}</depsCommand>
      <buildCommand>\${bench.make}</buildCommand>
      <artifacts><artifact>bench</artifact></artifacts>
    </configuration>
  </plugin></plugins></build>
</project>
POM

# The same code as a vendored library compiled in the deps stage (like zlib built from source there), and
# a small program that links it: the shape the source-only goal is about.
vend="$work/bench-vendored"
mkdir -p "$vend/src" "$vend/vendor"
cp "$proj"/src/f*.c "$vend/vendor/"
cp "$proj/src/main.c" "$proj/pom.xml" "$vend/src/" && mv "$vend/src/pom.xml" "$vend/pom.xml"
sed -i 's:<artifactId>bench-c</artifactId>:<artifactId>bench-vendored</artifactId>:' "$vend/pom.xml"
printf 'OBJ := $(patsubst %%.c,%%.o,$(wildcard *.c))\nlibvendor.a: $(OBJ)\n\t$(AR) rcs $@ $(OBJ)\n%%.o: %%.c\n\t$(CC) -O2 -c -o $@ $<\n' > "$vend/vendor/Makefile"
printf 'bench: src/main.c\n\t$(CC) -O2 -o $@ src/main.c vendor/libvendor.a -lz\n' > "$vend/Makefile"
vendored=(-Dbench.manifests='vendor/**' -Dbench.deps='make -C vendor -j2')

# The all-in-project code again, every unit including one header (the declarations, some macros and inline
# helpers) and make tracking it (-MMD): a change to one unit must not make the header cost anything.
hproj="$work/bench-header"
mkdir -p "$hproj/src"
{
  echo "#ifndef BENCH_H"; echo "#define BENCH_H"; echo "#include <zlib.h>"; echo "#include <stddef.h>"
  for i in $(seq 1 "$FILES"); do echo "unsigned long f$i(const unsigned char *, unsigned);"; done
  for j in $(seq 1 40); do echo "static inline unsigned long mix$j(unsigned long h) { return (h << $((j % 13 + 1))) ^ (h >> $((j % 7 + 1))) ^ $j; }"; done
  echo "#endif"
} > "$hproj/src/bench.h"
for i in $(seq 1 "$FILES"); do { echo '#include "bench.h"'; tail -n +2 "$proj/src/f$i.c"; } > "$hproj/src/f$i.c"; done
{ echo '#include <stdio.h>'; echo '#include "bench.h"'; grep -v '^unsigned long f[0-9]*(const' "$proj/src/main.c" | grep -v '^#include'; } > "$hproj/src/main.c"
printf 'SRC := $(wildcard src/*.c)\nOBJ := $(SRC:.c=.o)\nbench: $(OBJ)\n\t$(CC) -o $@ $(OBJ) -lz\n%%.o: %%.c\n\t$(CC) -O2 -MMD -MP -c -o $@ $<\n-include $(OBJ:.o=.d)\n' > "$hproj/Makefile"
sed 's:<artifactId>bench-c</artifactId>:<artifactId>bench-header</artifactId>:' "$proj/pom.xml" > "$hproj/pom.xml"

# examples/hello-cargo, renamed, with MODULES modules of serde types so that compiling the crate (the source
# stage) is not trivial; the dependencies (serde, serde_json, the derive macro and what it needs) are the deps
# stage's work.
cproj="$work/bench-cargo"
example="$root/examples/hello-cargo"
mkdir -p "$cproj/src"
# The example commits no Cargo.lock: cargo resolves one offline from the directory source in the deps stage.
# A two-crate workspace: the library bench-lib holds the modules and uses serde, the binary (the workspace root)
# calls it; a change in src/main.rs is a change in the leaf crate only.
cp -r "$example/.cargo" "$cproj/"
mkdir -p "$cproj/lib/src"
sed -e 's/^name = "hello-cargo"$/name = "bench-lib"/' "$example/Cargo.toml" > "$cproj/lib/Cargo.toml"
printf '[package]\nname = "bench-cargo"\nversion = "1.0.0"\nedition = "2021"\npublish = false\n\n[workspace]\nmembers = ["lib"]\n\n[dependencies]\nbench-lib = { path = "lib" }\n' > "$cproj/Cargo.toml"
for i in $(seq 1 "$MODULES"); do echo "pub mod m$i;"; done > "$cproj/lib/src/lib.rs"
for i in $(seq 1 "$MODULES"); do
  {
    echo "use serde_derive::{Deserialize, Serialize};"
    echo "#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]"
    echo "pub enum Kind { A(u32), B { x: i64, y: String }, C(Vec<u16>), D }"
    for k in 1 2; do
      echo "#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]"
      echo "pub struct Rec$k { pub id: u64, pub name: String, pub tags: Vec<String>, pub score: f64, pub kind: Kind,"
      echo "  pub pairs: Vec<(u32, String)>, pub note: Option<String>, pub map: std::collections::BTreeMap<String, i32> }"
    done
    echo "fn hash(s: &str, seed: u64) -> u64 { s.bytes().fold(seed, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)) }"
    echo "pub fn run(seed: u64) -> u64 {"
    echo "  let mut h = seed;"
    for k in 1 2; do
      echo "  let r = Rec$k { id: $i * $k, name: format!(\"r{}\", h % 97), tags: vec![\"a\".into()], score: $k.5,"
      echo "    kind: Kind::B { x: -$k, y: \"y\".into() }, pairs: vec![($k, \"p\".into())], note: None,"
      echo "    map: [(\"k\".to_string(), $i)].into_iter().collect() };"
      echo "  let s = serde_json::to_string(&r).expect(\"serializes\");"
      echo "  let back: Rec$k = serde_json::from_str(&s).expect(\"deserializes\");"
      echo "  assert_eq!(r, back);"
      echo "  let v: serde_json::Value = serde_json::from_str(&s).expect(\"a JSON value\");"
      echo "  h = hash(&v.to_string(), h);"
    done
    echo "  h"
    echo "}"
  } > "$cproj/lib/src/m$i.rs"
done
{
  echo "fn main() {"
  echo "  let mut h = 7u64;"
  for i in $(seq 1 "$MODULES"); do echo "  h = bench_lib::m$i::run(h);"; done
  echo "  println!(\"{{\\\"arch\\\":\\\"{}\\\",\\\"hash\\\":\\\"{:x}\\\"}}\", std::env::consts::ARCH, h);"
  echo "}"
} > "$cproj/src/main.rs"
# the example's crates, targets whose image and strategy the runs below override like bench-c's
tools=$(sed -n '/<buildTools>/,/<\/buildTools>/p' "$example/pom.xml")
cat > "$cproj/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.crossbuild.bench</groupId>
  <artifactId>bench-cargo</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <properties>
    <aarch64.strategy></aarch64.strategy>
    <base.amd64>amd64/debian:bookworm-slim</base.amd64>
    <aarch64.image>amd64/debian:bookworm-slim</aarch64.image>
  </properties>
  <build><plugins><plugin>
    <groupId>dev.crossbuild</groupId>
    <artifactId>cross-build-maven-plugin</artifactId>
    <version>$version</version>
    <configuration>
      <targets>
        <target><triple>x86_64-unknown-linux-gnu</triple><image>\${base.amd64}</image></target>
        <target>
          <triple>aarch64-unknown-linux-gnu</triple>
          <strategy>\${aarch64.strategy}</strategy>
          <image>\${aarch64.image}</image>
        </target>
      </targets>
      <recipe>cargo</recipe>
$tools
    </configuration>
  </plugin></plugins></build>
</project>
POM

# --- helpers ---------------------------------------------------------------------------------------
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$2"; }
median() { python3 -c "import statistics, sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
dir="$proj"
wall() { local t0 t1; t0=$(now); (cd "$dir" && "${mvn[@]}" "${base[@]}" "$@" >"$work/last.log" 2>&1) \
  || { tail -40 "$work/last.log" >&2; exit 1; }; t1=$(now); secs "$t0" "$t1"; }
# seconds of one stage of one target in the last report
stage() { python3 - "$dir/target/cross/report.json" "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = next(t for t in r["targets"] if t["target"] == sys.argv[2])
print(next(s["seconds"] for s in t["stages"] if s["stage"] == sys.argv[3]))
PY
}
change_source() { local f="$dir/src/main.c"; [[ -f $f ]] || f="$dir/src/main.rs"; echo "/* $(date +%s%N) */" >> "$f"; }
# what a user's version bump changes: the package's version in Cargo.toml (and its Cargo.lock entry, if any)
bump_version() { python3 - "$dir" <<'PY'
import re, sys
d = sys.argv[1]
toml = open(f"{d}/Cargo.toml").read()
old = re.search(r'(?m)^version = "(\d+)\.(\d+)\.(\d+)"$', toml)
new = f"{old[1]}.{old[2]}.{int(old[3]) + 1}"
open(f"{d}/Cargo.toml", "w").write(toml.replace(old[0], f'version = "{new}"', 1))
import os
if os.path.exists(f"{d}/Cargo.lock"):
    lock = open(f"{d}/Cargo.lock").read()
    entry = 'name = "bench-cargo"\nversion = "%s.%s.%s"\n' % (old[1], old[2], old[3])
    assert lock.count(entry) == 1, "no single Cargo.lock entry for bench-cargo " + old[0]
    open(f"{d}/Cargo.lock", "w").write(lock.replace(entry, f'name = "bench-cargo"\nversion = "{new}"\n'))
PY
}
# fails the benchmark unless every target of the last build reused its deps image (the work dir, report
# included, is gone at exit: the message names what missed)
deps_hit() { python3 - "$dir/target/cross/report.json" "$1" <<'PY' || exit 1
import json, sys
missed = [f"{t['target']} (built {t['depsImage']})" for t in json.load(open(sys.argv[1]))["targets"]
          if not t["depsCacheHit"]]
if missed:
    sys.exit(f"FAILED: {sys.argv[2]}: the deps cache missed for {', '.join(missed)}; it must be a hit")
PY
}
# by name, source images (-build) before the deps images they are built FROM
# A cold build must not reuse the engine's layer cache (other projects' deps images have the same apt
# layer): each cold run gets a base image with a new ID, made FROM the Debian image with a fresh label.
fresh_base() { # <platform> <from> [project]
  local tag="cross-bench-base:${1//\//-}-$(date +%s%N)"
  printf 'FROM %s\nLABEL dev.crossbuild.project=%s bench.nonce=%s\n' "$2" "${3:-bench-c}" "$tag" \
    | DOCKER_BUILDKIT=0 docker build -q --platform "$1" -t "$tag" - >/dev/null
  echo "$tag"
}
base=()
# a cold run's base for both targets (sets amd and base; not in a subshell): fresh_base's amd64 image, the
# aarch64 target built from it too (cross)
cold_base() { amd=$(fresh_base linux/amd64 amd64/debian:bookworm-slim "$@"); base=(-Dbase.amd64="$amd" -Daarch64.image="$amd"); }
nocache=(-Dcross.buildCache=none)
drop_images() {
  for p in bench-c bench-vendored bench-cargo bench-header; do
    docker images --format '{{.Repository}}:{{.Tag}}' --filter label=dev.crossbuild.project=$p \
      | { grep -v '<none>' || true; } | sort | xargs -r docker rmi -f >/dev/null
    docker image prune -f --filter label=dev.crossbuild.project=$p >/dev/null
    drop_volumes $p
  done
}
# the build cache volumes of a project (a cold build and a fresh CI runner have none)
drop_volumes() { docker volume ls -q --filter label=dev.crossbuild.project="$1" | xargs -r docker volume rm -f >/dev/null; }

# The registry cache rows push to the plain loopback registry it/engine/registry.sh starts, a new repository per
# run, and pull on a "fresh engine": every image the plugin made for the project gone (not the base image).
REGISTRY=$(sed -n 's/^plain=//p' "${CROSS_ENGINE_STATE:-/var/tmp/cross-build-engine}/registry.properties" 2>/dev/null || true)
[[ -n $REGISTRY ]] || { echo "no test registry: run bash it/engine/setup.sh first" >&2; exit 1; }
cache_repo() { echo "-Dcross.cache.repository=$REGISTRY/bench-$(date +%s%N)/$1"; }
drop_built() { # <project>: its deps and source images, as a fresh CI runner starts (by name: -build before -deps)
  docker images --format '{{.Repository}}:{{.Tag}}' --filter label=dev.crossbuild.project="$1" \
    --filter label=dev.crossbuild.managed=true | { grep -v '<none>' || true; } | sort | xargs -r docker rmi -f >/dev/null
  docker image prune -f >/dev/null
  drop_volumes "$1"
}
# fails unless every target of the last build pulled its deps image
deps_pulled() { python3 - "$dir/target/cross/report.json" "$1" <<'PY' || exit 1
import json, sys
missed = [f"{t['target']} ({t.get('deps')})" for t in json.load(open(sys.argv[1]))["targets"] if t.get("deps") != "pulled"]
if missed:
    sys.exit(f"FAILED: {sys.argv[2]}: not pulled from the registry cache: {', '.join(missed)}")
PY
}

echo "cross-build benchmark ($BENCH): $FILES C files + zlib; a cargo crate with $MODULES serde modules;" \
  "$(nproc) cores, median of $REPEAT" >&2
started=$(now)
X=x86_64-unknown-linux-gnu; A=aarch64-unknown-linux-gnu

c_part() {
  # cold (no deps images, no layer cache) vs source-only rebuild, both targets: all code in the project (the
  # whole project recompiles), and the vendored shape (the library is in the deps image)
  cold=(); src=(); srcnone=(); vcold=(); vsrc=(); vstages=(); vsrcstage=(); none=(); validate=(); vpush=(); vwarm=()
  for _ in $(seq 1 "$REPEAT"); do
    drop_images; rm -rf "$proj/target" "$vend/target"
    cold_base
    dir="$proj"
    cold+=("$(wall cross:build)")
    change_source; src+=("$(wall cross:build)")
    none+=("$(wall cross:build)")
    validate+=("$(wall validate)")
    change_source; srcnone+=("$(wall cross:build -Dcross.buildCache=none)")
    dir="$vend"
    cold_base
    vcold+=("$(wall cross:build "${vendored[@]}")")
    vstages+=("$(python3 -c "print($(stage $A deps) + $(stage $A source))")")
    change_source; vsrc+=("$(wall cross:build "${vendored[@]}")")
    # registry cache: a cold build that pushes (as the workflow's push runs do), then a fresh engine that pulls
    repo=$(cache_repo bench-vendored); drop_built bench-vendored; rm -rf "$vend/target"
    vpush+=("$(wall cross:build "${vendored[@]}" "$repo" -Dcross.cache.push=true)")
    drop_built bench-vendored; rm -rf "$vend/target"
    vwarm+=("$(wall cross:build "${vendored[@]}" "$repo")"); deps_pulled "vendored warm registry cache"
    vsrcstage+=("$(stage $A source)")
    dir="$proj"
  done

  # per-target source-stage (compile) seconds: x86_64 native, aarch64 by the chosen plan (cross), one at a time;
  # these rows and the parallel ones compile the whole project each time (no build cache), since the compile is
  # what they compare
  x86=(); arm=(); both=()
  for _ in $(seq 1 "$REPEAT"); do
    change_source; wall cross:build -Dcross.targets=$X "${nocache[@]}" >/dev/null; x86+=("$(stage $X source)")
    change_source; wall cross:build -Dcross.targets=$A "${nocache[@]}" >/dev/null; arm+=("$(stage $A source)")
    change_source; both+=("$(wall cross:build "${nocache[@]}")")
  done
  # the same two-target build with one build at a time, in the same kind of Maven run; and both with
  # single-threaded builds (make -j2 alone already keeps both cores of this machine busy)
  serial=(); both1=(); serial1=()
  for _ in $(seq 1 "$REPEAT"); do
    change_source; serial+=("$(wall cross:build -Dcross.parallel=1 "${nocache[@]}")")
    change_source; both1+=("$(wall cross:build -Dbench.make=make "${nocache[@]}")")
    change_source; serial1+=("$(wall cross:build -Dbench.make=make -Dcross.parallel=1 "${nocache[@]}")")
  done

  # aarch64 forced emulated (QEMU): deps once (warm-up, slow), then the compile, once (it is slow)
  armbase=$(fresh_base linux/arm64 arm64v8/debian:bookworm-slim)
  wall cross:build -Dcross.targets=$A -Daarch64.strategy=emulated -Daarch64.image="$armbase" "${nocache[@]}" >/dev/null
  change_source; wall cross:build -Dcross.targets=$A -Daarch64.strategy=emulated -Daarch64.image="$armbase" "${nocache[@]}" >/dev/null
  emu=$(stage $A source)

  # the source stage as a plain container (what the plugin does) against the classic image build it replaced,
  # the same work: the vendored project's x86_64 build script without the build cache, the same sources, both
  # with the docker CLI, each ending with /out copied out and everything removed
  dir="$vend"; base=()
  wall cross:build -Dcross.targets=$X "${vendored[@]}" "${nocache[@]}" >/dev/null
  local deps ctx
  deps=$(python3 -c 'import json, sys; print(next(t["depsImage"] for t in json.load(open(sys.argv[1]))["targets"] if t["target"] == sys.argv[2]))' "$vend/target/cross/report.json" $X)
  ctx="$work/source-context"; rm -rf "$ctx"; mkdir -p "$ctx/src"
  (cd "$vend" && tar --exclude=./target -cf - .) | tar -xf - -C "$ctx/src"
  cp "$vend/target/cross/$X.cross-build.sh" "$ctx/cross-build.sh"
  printf 'FROM %s\nCOPY src/ /src/\nCOPY cross-build.sh /cross-build.sh\nRUN ["/bin/sh", "/cross-build.sh"]\n' "$deps" > "$ctx/Dockerfile"
  asimage=(); ascontainer=()
  for _ in $(seq 1 "$REPEAT"); do
    local t0 id
    rm -rf "$work/out-image" "$work/out-container"
    t0=$(now)
    DOCKER_BUILDKIT=0 docker build -q --no-cache --platform linux/amd64 --label dev.crossbuild.project=bench-vendored \
      -t bench-vendored-imagebuild:x "$ctx" >/dev/null
    id=$(docker create --label dev.crossbuild.project=bench-vendored bench-vendored-imagebuild:x true)
    docker cp "$id:/out" "$work/out-image" >/dev/null; docker rm -f "$id" >/dev/null
    docker rmi -f bench-vendored-imagebuild:x >/dev/null
    asimage+=("$(secs "$t0" "$(now)")")
    t0=$(now)
    id=$(docker create --platform linux/amd64 -w /src --label dev.crossbuild.project=bench-vendored "$deps" /bin/sh /cross-build.sh)
    (cd "$ctx" && tar -cf - src cross-build.sh) | docker cp - "$id:/" >/dev/null
    docker start -a "$id" >/dev/null
    docker cp "$id:/out" "$work/out-container" >/dev/null; docker rm -f "$id" >/dev/null
    ascontainer+=("$(secs "$t0" "$(now)")")
    cmp -s "$work/out-image/bench" "$work/out-container/bench" || { echo "FAILED: the two source stages built other bytes" >&2; exit 1; }
  done
  dir="$proj"
}

# cargo: cold vs source-only rebuild vs version bump, both targets; the deps image must serve both rebuilds
cargo_part() {
  dir="$cproj"
  ccold=(); csrc=(); cbump=(); cpush=(); cwarm=()
  for _ in $(seq 1 "$REPEAT"); do
    drop_images; rm -rf "$cproj/target"
    cold_base bench-cargo
    ccold+=("$(wall cross:build)")
    change_source; csrc+=("$(wall cross:build)"); deps_hit "cargo source-only rebuild"
    bump_version; cbump+=("$(wall cross:build)"); deps_hit "cargo version bump rebuild"
    repo=$(cache_repo bench-cargo); drop_built bench-cargo; rm -rf "$cproj/target"
    cpush+=("$(wall cross:build "$repo" -Dcross.cache.push=true)")
    drop_built bench-cargo; rm -rf "$cproj/target"
    cwarm+=("$(wall cross:build "$repo")"); deps_pulled "cargo warm registry cache"
  done
  # the aarch64 source stage (compiling the crate, deps cached) by the chosen plan (cross), alone
  carm=()
  for _ in $(seq 1 "$REPEAT"); do
    change_source; wall cross:build -Dcross.targets=$A >/dev/null; carm+=("$(stage $A source)")
  done
  # the same under QEMU: deps once (warm-up: apt and the dependencies' compile, emulated, slow), then the
  # source stage, once
  cemu=
  if [[ $CARGO_EMULATED != 0 ]]; then
    local armbase emulated
    armbase=$(fresh_base linux/arm64 arm64v8/debian:bookworm-slim bench-cargo)
    emulated=(-Dcross.targets=$A -Daarch64.strategy=emulated -Daarch64.image="$armbase")
    wall cross:build "${emulated[@]}" >/dev/null
    change_source; wall cross:build "${emulated[@]}" >/dev/null; deps_hit "cargo emulated source-only rebuild"
    cemu=$(stage $A source)
  fi
}

# four C targets (the generated project, no build cache: the whole compile) on the local engine alone, one at a
# time, against the same four spread over the local engine and box (the TLS dockerd it/engine/builders.sh
# starts), one at a time each; deps images warm on both. Both engines share this machine's cores.
builders_part() {
  local props="${CROSS_ENGINE_STATE:-/var/tmp/cross-build-engine}/builders.properties"
  [[ -f $props ]] || { echo "no $props: run bash it/engine/builders.sh first" >&2; exit 1; }
  local boxhost boxcerts bproj
  boxhost=$(sed -n 's/^box.host=//p' "$props"); boxcerts=$(sed -n 's/^box.certPath=//p' "$props")
  bproj="$work/bench-builders"; mkdir -p "$bproj"; cp -r "$proj/src" "$proj/Makefile" "$bproj/"
  cat > "$bproj/pom.xml" <<BPOM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.crossbuild.bench</groupId>
  <artifactId>bench-builders</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.crossbuild</groupId>
    <artifactId>cross-build-maven-plugin</artifactId>
    <version>$version</version>
    <configuration>
      <targets>
        <target>x86_64-unknown-linux-gnu</target>
        <target>aarch64-unknown-linux-gnu</target>
        <target>armv7-unknown-linux-gnueabihf</target>
        <target>riscv64gc-unknown-linux-gnu</target>
      </targets>
      <parallel>1</parallel>
      <recipe>make</recipe>
      <setup><package>zlib1g-dev</package></setup>
      <buildCommand>make -j2</buildCommand>
      <artifacts><artifact>bench</artifact></artifacts>
    </configuration>
  </plugin></plugins></build>
  <profiles><profile>
    <id>two</id>
    <activation><property><name>bench.two</name></property></activation>
    <build><plugins><plugin>
      <groupId>dev.crossbuild</groupId>
      <artifactId>cross-build-maven-plugin</artifactId>
      <configuration><builders><builder>
        <id>box</id><host>$boxhost</host><tlsVerify>true</tlsVerify><certPath>$boxcerts</certPath>
        <maxParallel>1</maxParallel>
      </builder></builders></configuration>
    </plugin></plugins></build>
  </profile></profiles>
</project>
BPOM
  dir="$bproj"; base=()
  wall cross:build "${nocache[@]}" >/dev/null; wall cross:build -Dbench.two "${nocache[@]}" >/dev/null
  one=(); two=(); lconnect=(); bconnect=(); lprobe=(); bprobe=()
  for _ in $(seq 1 "$REPEAT"); do
    change_source; one+=("$(wall cross:build "${nocache[@]}")")
    change_source; two+=("$(wall cross:build -Dbench.two "${nocache[@]}")")
    read -r lc bc lp bp < <(python3 - "$bproj/target/cross/report.json" <<'PY'
import json, sys
b = {x["id"]: x for x in json.load(open(sys.argv[1]))["builders"]}
assert b["local"]["targets"] == 2 and b["box"]["targets"] == 2, b
print(b["local"]["connectSeconds"], b["box"]["connectSeconds"], b["local"]["probeSeconds"], b["box"]["probeSeconds"])
PY
)
    lconnect+=("$lc"); bconnect+=("$bc"); lprobe+=("$lp"); bprobe+=("$bp")
  done
  dir="$proj"
}

# the everyday loop: the fixed cost around a small compile. One changed file (all code in the project, and the
# same with every unit including an unchanged header) against a cold build, both with the build cache (the
# default volume); a no-change rebuild against mvn validate; the plugin's start (Maven's "Scanning" line to the
# first plan line); and a fresh CI runner: a fresh engine whose deps come from the registry cache, with the
# build cache restored into a directory (as the generated workflow does) and a fresh checkout (every source
# file with a new time), against a cold build.
LOOP_CARGO=${LOOP_CARGO:-1}            # cargo fresh-runner rows in the first N runs only (two cold cargo builds each)
checkout() { find "$dir" -path "$dir/target" -prune -o -type f -exec touch {} +; } # a fresh clone's times
plugin_start() { # seconds from Maven's "Scanning for projects" to the plugin's first line, of a no-change build
  (cd "$dir" && "$root/mvnw" -B -o -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS "${base[@]}" cross:build >"$work/start.log" 2>&1) \
    || { tail -40 "$work/start.log" >&2; exit 1; }
  python3 - "$work/start.log" <<'PY'
import re, sys
t = lambda l: (lambda h, m, s: int(h) * 3600 + int(m) * 60 + float(s))(*re.match(r"(\d+):(\d+):([\d.]+)", l).groups())
lines = open(sys.argv[1]).read().splitlines()
scan = next(l for l in lines if "Scanning for projects" in l)
mojo = next(i for i, l in enumerate(lines) if re.search(r"--- (cross-build|cross):", l))
plan = lines[mojo + 1]  # the plugin's first line: its plan, or that nothing changed
print(f"{t(plan) - t(scan):.3f}")
PY
}
fresh_runner() { # <project> <baseline var name>: seconds of the fresh runner's build, the caches filled first
  local bc="$work/buildcache-$1" repo; repo=$(cache_repo "$1"); rm -rf "$bc"
  local dirmode=(-Dcross.buildCache=directory -Dcross.buildCacheDirectory="$bc")
  drop_built "$1"; rm -rf "$dir/target"
  wall cross:build "${dirmode[@]}" "$repo" -Dcross.cache.push=true >/dev/null
  drop_built "$1"; rm -rf "$dir/target"; checkout
  wall cross:build "${dirmode[@]}" "$repo"; deps_pulled "$1 fresh runner"
}
loop_part() {
  lcold=(); lsrc=(); hcold=(); hsrc=(); lnone=(); lval=(); lstart=(); fwarm=(); lccold=(); cfwarm=()
  local run
  for run in $(seq 1 "$REPEAT"); do
    drop_images; rm -rf "$proj/target" "$hproj/target"
    cold_base
    dir="$proj"
    lcold+=("$(wall cross:build)")
    change_source; lsrc+=("$(wall cross:build)")
    lnone+=("$(wall cross:build)")
    lval+=("$(wall validate)")
    lstart+=("$(plugin_start)")
    fwarm+=("$(fresh_runner bench-c)")
    dir="$hproj"
    cold_base bench-header
    hcold+=("$(wall cross:build)")
    change_source; hsrc+=("$(wall cross:build)")
    if (( run <= LOOP_CARGO )); then
      dir="$cproj"; rm -rf "$cproj/target"
      cold_base bench-cargo
      lccold+=("$(wall cross:build)")
      cfwarm+=("$(fresh_runner bench-cargo)")
    fi
    dir="$proj"
    # each run's figures as they come (the table comes at the end)
    echo "loop run $run: cold ${lcold[*]: -1}s, one file ${lsrc[*]: -1}s, header cold ${hcold[*]: -1}s," \
      "header one file ${hsrc[*]: -1}s, no change ${lnone[*]: -1}s, validate ${lval[*]: -1}s, start ${lstart[*]: -1}s," \
      "fresh runner C ${fwarm[*]: -1}s$( (( run <= LOOP_CARGO )) && echo ", cargo cold ${lccold[*]: -1}s, cargo fresh runner ${cfwarm[*]: -1}s")" >&2
  done
}

[[ $BENCH == cargo || $BENCH == builders || $BENCH == loop ]] || c_part
[[ $BENCH == c || $BENCH == builders || $BENCH == loop ]] || cargo_part
[[ $BENCH == c || $BENCH == cargo || $BENCH == loop ]] || builders_part
[[ $BENCH == c || $BENCH == cargo || $BENCH == builders ]] || loop_part
elapsed=$(secs "$started" "$(now)")

m() { median "$@"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.3f}')" "$1" "$2"; }
printf '\n%-64s %10s %10s %8s %s\n' "figure" "measured" "baseline" "ratio" "goal"
row() { printf '%-64s %9ss %9ss %8s %s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4"; }
if [[ $BENCH == c || $BENCH == all ]]; then
  row "source-only rebuild / cold build, vendored lib in deps (wall)" "$(m "${vsrc[@]}")" "$(m "${vcold[@]}")" "<= 0.10"
  row "  the same, aarch64 stages only: source / deps+source (engine)" "$(m "${vsrcstage[@]}")" "$(m "${vstages[@]}")" "<= 0.10"
  row "source-only rebuild / cold build, all code in project (wall)" "$(m "${src[@]}")" "$(m "${cold[@]}")" "<= 0.10 (build cache)"
  row "  the same without the build cache (-Dcross.buildCache=none)" "$(m "${srcnone[@]}")" "$(m "${cold[@]}")" "(whole project recompiles)"
  row "no-change rebuild / mvn validate (wall)" "$(m "${none[@]}")" "$(m "${validate[@]}")" "<= 1.5"
  row "aarch64 chosen plan (cross) / x86_64 native (compile)" "$(m "${arm[@]}")" "$(m "${x86[@]}")" "<= 1.15"
  row "aarch64 forced emulated / aarch64 chosen plan (compile)" "$emu" "$(m "${arm[@]}")" ">= 10 (emulated slower)"
  row "two targets in parallel / one after the other, make -j1 (wall)" "$(m "${both1[@]}")" "$(m "${serial1[@]}")" "<= 0.7"
  row "two targets in parallel / one after the other, make -j2 (wall)" "$(m "${both[@]}")" "$(m "${serial[@]}")" "(2 cores already busy)"
  row "source stage as container / as image build, same work (CLI)" "$(m "${ascontainer[@]}")" "$(m "${asimage[@]}")" "<= 1.0"
  row "vendored: fresh engine, warm registry cache / cold build (wall)" "$(m "${vwarm[@]}")" "$(m "${vcold[@]}")" "(pulled, asserted)"
  row "  the same / cold build that pushes (wall)" "$(m "${vwarm[@]}")" "$(m "${vpush[@]}")" ""
fi
if [[ $BENCH == cargo || $BENCH == all ]]; then
  row "cargo: leaf-crate change rebuild / cold build, two crates (wall)" "$(m "${csrc[@]}")" "$(m "${ccold[@]}")" \
    "<= 0.15 (build cache)"
  row "cargo: version bump rebuild / cold build (wall)" "$(m "${cbump[@]}")" "$(m "${ccold[@]}")" \
    "(deps hit, asserted)"
  row "cargo: fresh engine, warm registry cache / cold build (wall)" "$(m "${cwarm[@]}")" "$(m "${ccold[@]}")" \
    "<= 0.30 (pulled, asserted)"
  row "  the same / cold build that pushes (wall)" "$(m "${cwarm[@]}")" "$(m "${cpush[@]}")" ""
  emulabel="cargo: aarch64 emulated (1 run) / cross, source stage (engine)"
  if [[ -n $cemu ]]; then
    row "$emulabel" "$cemu" "$(m "${carm[@]}")" "(emulated slower)"
  else
    printf '%-64s %10s %10s %8s %s\n' "$emulabel" "-" "$(m "${carm[@]}")s" "-" "skipped (CARGO_EMULATED=0)"
  fi
fi
if [[ $BENCH == builders || $BENCH == all ]]; then
  row "4 C targets over two builders / on one builder, 1 slot each (wall)" "$(m "${two[@]}")" "$(m "${one[@]}")" \
    "(one machine's 2 cores shared)"
  printf '%-64s %9ss %9ss\n' "  planner per builder: connect+/info, local / box (TLS)" "$(m "${lconnect[@]}")" \
    "$(m "${bconnect[@]}")"
  printf '%-64s %9ss %9ss\n' "  planner per builder: QEMU probes, local / box" "$(m "${lprobe[@]}")" "$(m "${bprobe[@]}")"
fi
if [[ $BENCH == loop || $BENCH == all ]]; then
  row "loop: one changed file / cold, all code in project, build cache" "$(m "${lsrc[@]}")" "$(m "${lcold[@]}")" "<= 0.10 (aim 0.05)"
  row "loop: the same, every unit includes one unchanged header" "$(m "${hsrc[@]}")" "$(m "${hcold[@]}")" "<= 0.12 (aim 0.06)"
  row "loop: no-change rebuild / mvn validate (wall)" "$(m "${lnone[@]}")" "$(m "${lval[@]}")" "<= 1.3 (aim 1.15)"
  row "loop: fresh runner, registry + build cache dir / cold: C" "$(m "${fwarm[@]}")" "$(m "${lcold[@]}")" "<= 0.25 (aim 0.15)"
  if (( LOOP_CARGO > 0 )); then
    row "loop: the same for cargo" "$(m "${cfwarm[@]}")" "$(m "${lccold[@]}")" "<= 0.25 (aim 0.15)"
  fi
  row "loop: plugin start (Scanning to its first line) / mvn validate" "$(m "${lstart[@]}")" "$(m "${lval[@]}")" "(halve the start)"
fi
echo "(run took $(python3 -c "import sys; print(f'{float(sys.argv[1]) / 60:.1f}')" "$elapsed") min)"
drop_images
