import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  evaluate,
  evaluateCondition,
  evaluateTemplate,
  evaluateToString,
  ExpressionError,
  looseEquals,
} from "../lib/expressions.mjs";

const contexts = {
  github: {
    ref: "refs/tags/v1.2.3",
    event_name: "push",
    event: { commits: [{ id: "a1", author: { name: "x" } }, { id: "b2", author: { name: "y" } }] },
  },
  matrix: { target: "riscv64gc-unknown-linux-gnu", qemu: true, "qemu-platforms": "riscv64", n: 3 },
  env: { MODE: "release" },
  secrets: {},
};
const ok = { success: () => true, failure: () => false, cancelled: () => false };
const failed = { success: () => false, failure: () => true, cancelled: () => false };
const ev = (source) => evaluate(source, contexts, ok);

describe("literals", () => {
  test("strings, with '' as the escaped quote", () => {
    assert.equal(ev("'it''s'"), "it's");
    assert.equal(ev("''"), "");
  });
  test("numbers, booleans and null", () => {
    assert.equal(ev("1.5"), 1.5);
    assert.equal(ev("-2"), -2);
    assert.equal(ev("0xff"), 255);
    assert.equal(ev("1e3"), 1000);
    assert.equal(ev("true"), true);
    assert.equal(ev("false"), false);
    assert.equal(ev("null"), null);
  });
});

describe("operators", () => {
  test("&& binds tighter than ||", () => {
    assert.equal(ev("true || false && false"), true);
    assert.equal(ev("(true || false) && false"), false);
  });
  test("! binds tighter than ==, comparisons tighter than ==", () => {
    assert.equal(ev("!true == false"), true);
    assert.equal(ev("1 < 2 == true"), true);
    assert.equal(ev("!(1 == 1)"), false);
  });
  test("&& and || return an operand, not a boolean", () => {
    assert.equal(ev("'' || 'fallback'"), "fallback");
    assert.equal(ev("'a' && 'b'"), "b");
    assert.equal(ev("null && 'x'"), null);
    assert.equal(ev("matrix.qemu && matrix.qemu-platforms"), "riscv64");
  });
  test("comparisons: strings ignore case, mixed types compare as numbers", () => {
    assert.equal(ev("'b' > 'A'"), true);
    assert.equal(ev("2 >= '2'"), true);
    assert.equal(ev("'abc' < 1"), false); // NaN
  });
});

describe("loose equality", () => {
  test("strings ignore case", () => assert.equal(ev("'abc' == 'ABC'"), true));
  test("different types are compared as numbers", () => {
    assert.equal(ev("'1' == 1"), true);
    assert.equal(ev("null == 0"), true);
    assert.equal(ev("'' == false"), true);
    assert.equal(ev("true == 1"), true);
    assert.equal(ev("'true' == true"), false); // 'true' is NaN as a number
    assert.equal(ev("'a' == 1"), false);
  });
  test("NaN never equals, objects only themselves", () => {
    assert.equal(ev("NaN == NaN"), false);
    assert.equal(ev("github.event == github.event"), true);
    assert.equal(looseEquals({}, {}), false);
    assert.equal(ev("github.event == 'Object'"), false);
  });
});

describe("contexts", () => {
  test("property names may hold '-' and are matched ignoring case", () => {
    assert.equal(ev("matrix.qemu-platforms"), "riscv64");
    assert.equal(ev("GitHub.Ref"), "refs/tags/v1.2.3");
    assert.equal(ev("matrix['target']"), "riscv64gc-unknown-linux-gnu");
  });
  test("an unknown property is null, shown as ''", () => {
    assert.equal(ev("github.no_such_thing"), null);
    assert.equal(evaluateToString("[${{ github.no_such_thing.deeper }}]", contexts, ok), "[]");
    assert.equal(ev("github.no_such_thing == ''"), true);
  });
  test("array index and the .* filter", () => {
    assert.equal(ev("github.event.commits[1].id"), "b2");
    assert.deepEqual(ev("github.event.commits.*.id"), ["a1", "b2"]);
    assert.equal(ev("contains(github.event.commits.*.author.name, 'Y')"), true);
  });
  test("an unknown context is an error", () => {
    assert.throws(() => ev("nope.x"), /Unrecognized named-value: 'nope'/);
  });
});

describe("functions", () => {
  test("startsWith / endsWith ignore case", () => {
    assert.equal(ev("startsWith(github.ref, 'REFS/TAGS/')"), true);
    assert.equal(ev("startsWith(github.ref, 'refs/heads/')"), false);
    assert.equal(ev("endsWith(matrix.target, '-GNU')"), true);
  });
  test("contains on strings and arrays", () => {
    assert.equal(ev("contains('Hello world', 'WORLD')"), true);
    assert.equal(ev("contains(fromJSON('[\"push\", \"pull_request\"]'), github.event_name)"), true);
    assert.equal(ev("contains(fromJSON('[1, 2]'), '3')"), false);
  });
  test("format with positions and escaped braces", () => {
    assert.equal(ev("format('{0}-{1}-{0}', 'a', 1)"), "a-1-a");
    assert.equal(ev("format('{{{0}}}', 'x')"), "{x}");
    assert.throws(() => ev("format('{1}', 'only one')"), /refers to argument 1/);
  });
  test("join, toJSON, fromJSON", () => {
    assert.equal(ev("join(fromJSON('[\"a\",\"b\"]'))"), "a,b");
    assert.equal(ev("join(fromJSON('[\"a\",\"b\"]'), ' + ')"), "a + b");
    assert.equal(ev("toJSON(matrix.n)"), "3");
    assert.equal(ev("fromJSON('{\"a\":[1,2]}').a[1]"), 2);
    assert.throws(() => ev("fromJSON('{nope')"), /not valid JSON/);
  });
  test("function names ignore case", () => assert.equal(ev("STARTSWITH('abc', 'a')"), true));
  test("an unknown function, a wrong argument count and hashFiles are errors", () => {
    assert.throws(() => ev("frobnicate(1)"), /Unrecognized function: 'frobnicate'/);
    assert.throws(() => ev("startsWith('a')"), /takes 2 argument/);
    assert.throws(() => ev("hashFiles('**/pom.xml')"), /hashFiles\(\) is not supported/);
  });
  test("status functions follow the given status", () => {
    assert.equal(evaluate("success()", contexts, failed), false);
    assert.equal(evaluate("failure()", contexts, failed), true);
    assert.equal(evaluate("always()", contexts, failed), true);
    assert.equal(evaluate("cancelled()", contexts, failed), false);
    assert.throws(() => evaluate("success()", contexts, undefined), /not allowed here/);
  });
});

describe("syntax errors name the expression", () => {
  for (const bad of ["a ==", "(true", "'unterminated", "matrix.target matrix.qemu", "1 +", "matrix.", "a $ b"]) {
    test(bad, () => {
      assert.throws(() => evaluate(bad, { a: 1, matrix: {} }, ok), (e) => e instanceof ExpressionError && e.message.includes(`'${bad}'`));
    });
  }
});

describe("templates", () => {
  test("a lone ${{ }} keeps the value's type, text around it makes a string", () => {
    assert.equal(evaluateTemplate("${{ matrix.qemu }}", contexts, ok), true);
    assert.equal(evaluateTemplate("${{ matrix.n }}", contexts, ok), 3);
    assert.equal(evaluateTemplate("cross-${{ matrix.target }}.tar.gz", contexts, ok), "cross-riscv64gc-unknown-linux-gnu.tar.gz");
    assert.equal(evaluateTemplate("${{ matrix.qemu }}/${{ matrix.n }}", contexts, ok), "true/3");
  });
  test("'}}' inside a string literal does not close the expression", () => {
    assert.equal(evaluateToString("${{ format('{0}}}', 'a') }}", contexts, ok), "a}");
  });
  test("an unclosed ${{ is an error", () => {
    assert.throws(() => evaluateToString("x ${{ matrix.target", contexts, ok), /not closed/);
  });
  test("numbers print as GitHub prints them", () => {
    assert.equal(evaluateToString("${{ 1.50 }}", contexts, ok), "1.5");
    assert.equal(evaluateToString("${{ 0.1 }}", contexts, ok), "0.1");
  });
});

describe("if conditions", () => {
  test("without ${{ }} the text is the expression", () => {
    assert.equal(evaluateCondition("matrix.target == 'riscv64gc-unknown-linux-gnu'", contexts, ok), true);
    assert.equal(evaluateCondition("startsWith(github.ref, 'refs/heads/')", contexts, ok), false);
    assert.equal(evaluateCondition("${{ github.event_name != 'push' }}", contexts, ok), false);
  });
  test("success() is implied unless a status function is used", () => {
    assert.equal(evaluateCondition("true", contexts, failed), false);
    assert.equal(evaluateCondition(undefined, contexts, failed), false);
    assert.equal(evaluateCondition("always()", contexts, failed), true);
    assert.equal(evaluateCondition("failure() && matrix.qemu", contexts, failed), true);
    assert.equal(evaluateCondition(undefined, contexts, ok), true);
  });
  test("YAML booleans", () => {
    assert.equal(evaluateCondition(false, contexts, ok), false);
    assert.equal(evaluateCondition(true, contexts, ok), true);
  });
  test("text around ${{ }} makes a non-empty string, which is true", () => {
    assert.equal(evaluateCondition("${{ false }} && false", contexts, ok), true);
  });
});
