import assert from "node:assert/strict";
import { test } from "node:test";
import { expandMatrix } from "../lib/matrix.mjs";

test("no matrix: one leg with an empty matrix", () => {
  assert.deepEqual(expandMatrix(undefined), [{}]);
});

test("the cartesian product follows the order of the keys", () => {
  assert.deepEqual(expandMatrix({ os: ["a", "b"], v: [1, 2] }), [
    { os: "a", v: 1 },
    { os: "a", v: 2 },
    { os: "b", v: 1 },
    { os: "b", v: 2 },
  ]);
});

test("include only (what the generator emits): one leg per entry", () => {
  const include = [
    { target: "x86_64-unknown-linux-gnu", runner: "ubuntu-24.04", qemu: false },
    { target: "aarch64-apple-darwin", runner: "macos-15", qemu: false },
  ];
  assert.deepEqual(expandMatrix({ include }), include);
});

test("GitHub's documented include example", () => {
  const legs = expandMatrix({
    fruit: ["apple", "pear"],
    animal: ["cat", "dog"],
    include: [
      { color: "green" },
      { color: "pink", animal: "cat" },
      { fruit: "apple", shape: "circle" },
      { fruit: "banana" },
      { fruit: "banana", animal: "cat" },
    ],
  });
  assert.deepEqual(legs, [
    { fruit: "apple", animal: "cat", color: "pink", shape: "circle" },
    { fruit: "apple", animal: "dog", color: "green", shape: "circle" },
    { fruit: "pear", animal: "cat", color: "pink" },
    { fruit: "pear", animal: "dog", color: "green" },
    { fruit: "banana" },
    { fruit: "banana", animal: "cat" },
  ]);
});

test("exclude removes every combination an entry matches, partially", () => {
  const legs = expandMatrix({
    os: ["linux", "macos", "windows"],
    jdk: [17, 21],
    exclude: [{ os: "windows" }, { os: "macos", jdk: 17 }],
  });
  assert.deepEqual(legs, [
    { os: "linux", jdk: 17 },
    { os: "linux", jdk: 21 },
    { os: "macos", jdk: 21 },
  ]);
});

test("exclude goes before include: an include can add back an excluded combination", () => {
  const legs = expandMatrix({ os: ["linux", "windows"], exclude: [{ os: "windows" }], include: [{ os: "windows", experimental: true }] });
  assert.deepEqual(legs, [{ os: "linux" }, { os: "windows", experimental: true }]);
});

test("objects as matrix values are compared by content", () => {
  const legs = expandMatrix({
    cfg: [{ cc: "gcc", v: 12 }, { cc: "clang", v: 16 }],
    exclude: [{ cfg: { cc: "clang" } }],
  });
  assert.deepEqual(legs, [{ cfg: { cc: "gcc", v: 12 } }]);
});

test("mistakes are errors", () => {
  assert.throws(() => expandMatrix({ os: "linux" }), /must be a list/);
  assert.throws(() => expandMatrix({ os: [] }), /empty list/);
  assert.throws(() => expandMatrix({ os: ["a"], exclude: [{ arch: "x" }] }), /'arch', which is not a matrix key/);
  assert.throws(() => expandMatrix({ os: ["a"], exclude: [{ os: "a" }] }), /no combination/);
  assert.throws(() => expandMatrix("not a mapping"), /must be a mapping/);
});
