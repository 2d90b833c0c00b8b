/**
 * Canonical JSON is what every hash in Donum is taken over (form texts, audit entries,
 * decisions): anyone must be able to recompute it from the JSON alone, so one value must have
 * exactly one serialisation, and anything that has none must be refused rather than guessed.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { canonicalJson, sha256Canonical, Sha256Ref } from "../../lib/canonical-json";

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("canonicalJson", () => {
  const rows: [string, unknown, string][] = [
    ["keys are sorted", { b: 1, a: 2, c: 3 }, '{"a":2,"b":1,"c":3}'],
    ["nested objects are sorted too", { z: { y: 1, x: [{ b: 1, a: 2 }] }, a: null }, '{"a":null,"z":{"x":[{"a":2,"b":1}],"y":1}}'],
    ["array order is kept", [3, 1, 2], "[3,1,2]"],
    ["there is no whitespace", { a: [1, { b: "c d" }] }, '{"a":[1,{"b":"c d"}]}'],
    ["undefined properties are dropped", { a: 1, b: undefined }, '{"a":1}'],
    ["undefined in an array becomes null", [1, undefined, 2], "[1,null,2]"],
    ["an empty object and array", { o: {}, a: [] }, '{"a":[],"o":{}}'],
    ["true, false and null", [true, false, null], "[true,false,null]"],
    ["upper-case keys sort before lower-case (code units)", { b: 1, B: 2, a: 3, A: 4 }, '{"A":4,"B":2,"a":3,"b":1}'],
    ["numeric-looking keys sort as strings", { "10": 1, "9": 2, "1": 3 }, '{"1":3,"10":1,"9":2}'],
    ["integers", [0, 1, -1, 9007199254740991], "[0,1,-1,9007199254740991]"],
    ["negative zero is zero", -0, "0"],
    ["ECMAScript number formatting", [4.5, 0.002, 1e30, 1e-27, 333333333.3333333], "[4.5,0.002,1e+30,1e-27,333333333.3333333]"],
    ["non-ASCII text is kept as is", { name: "Zoë", city: "Kraków", word: "日本" }, '{"city":"Kraków","name":"Zoë","word":"日本"}'],
    ["control characters are escaped", "a\u0000b\nc\"d\\", '"a\\u0000b\\nc\\"d\\\\"'],
    ["an emoji is kept as is", "🙂", '"🙂"'],
    ["a lone surrogate is escaped", "\ud800", '"\\ud800"'],
  ];

  it.each(rows)("%s", (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("keys are sorted by UTF-16 code units, as RFC 8785 §3.2.3 shows", () => {
    const value = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    // The emoji (a surrogate pair, D83D…) sorts before U+FB33 although its code point is higher.
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("the same data built in a different key order gives the same text", () => {
    const a = { formId: "f", version: 2, organisation: { name: "N", address: "A" } };
    const b = { organisation: { address: "A", name: "N" }, version: 2, formId: "f" };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  const refused: [string, unknown][] = [
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["NaN nested in an object", { a: { b: [1, Number.NaN] } }],
    ["Infinity nested in an array", [[Number.POSITIVE_INFINITY]]],
    ["a bigint", 10n],
    ["a function", () => 1],
    ["a function as a property", { a: () => 1 }],
    ["a symbol", Symbol("s")],
    ["undefined on its own", undefined],
    // Not JSON data: serialising these as "{}" would let two different values share a hash.
    ["a Date", new Date("2026-01-01T00:00:00.000Z")],
    ["a Date as a property", { at: new Date("2026-01-01T00:00:00.000Z") }],
    ["a Map", new Map([["a", 1]])],
    ["a Set", new Set([1])],
    ["a Buffer", Buffer.from("hello")],
    ["a boxed number", Object(1)],
  ];

  it.each(refused)("%s is refused, not serialised", (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("objects without a prototype are serialised like plain objects", () => {
    const o = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expect(canonicalJson(o)).toBe('{"a":2,"b":1}');
  });

  it("property: canonical JSON parses back to a value with the same canonical JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: canonical JSON is JSON, and means the same as the value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        // Same data as the standard serialiser produces, whatever the key order.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(text).not.toMatch(/^\s|\s$/);
      }),
      { numRuns: 500 },
    );
  });

  it("property: shuffling the keys of an object does not change its canonical JSON", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), fc.nat(), (dict, seed) => {
        const entries = Object.entries(dict);
        const rotated = entries.slice(seed % (entries.length || 1)).concat(entries.slice(0, seed % (entries.length || 1)));
        const shuffled = Object.fromEntries(rotated.reverse());
        expect(canonicalJson(shuffled)).toBe(canonicalJson(dict));
      }),
      { numRuns: 300 },
    );
  });
});

describe("sha256Canonical", () => {
  it("known vector: {} (digest computed with sha256sum)", () => {
    expect(sha256Canonical({})).toBe("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });

  it("known vector: keys re-ordered before hashing (digest computed with sha256sum)", () => {
    expect(sha256Canonical({ b: 1, a: [true, null, "x"] })).toBe(
      "sha256:54a65415ad370228851a1da4b31b6fd42dc58b19a50d35cae759325f7388ce64",
    );
  });

  it("known vector: non-ASCII text is hashed as UTF-8 (digest computed with sha256sum)", () => {
    const value = { tags: ["b", "a"], name: "Zoë", currency: "EUR", amount: -1.5 };
    const literal = '{"amount":-1.5,"currency":"EUR","name":"Zoë","tags":["b","a"]}';
    expect(canonicalJson(value)).toBe(literal);
    expect(sha256Canonical(value)).toBe(`sha256:${sha256(literal)}`);
    expect(sha256Canonical(value)).toBe("sha256:86ee916c06bebd66fb212574f58d97c6472c0430de091fa3ce8e6a28bb4b969b");
  });

  it("a hash has the sha256:<64 hex> form and changes when any value changes", () => {
    const a = sha256Canonical({ consentId: "c", version: 1 });
    const b = sha256Canonical({ consentId: "c", version: 2 });
    expect(a).toMatch(Sha256Ref);
    expect(a).not.toBe(b);
  });

  it("values that differ only in a non-JSON field cannot share a hash: they are refused", () => {
    expect(() => sha256Canonical({ at: new Date(0) })).toThrow(TypeError);
  });
});
