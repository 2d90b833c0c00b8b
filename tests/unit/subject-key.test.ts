/**
 * A citizen is known only by HMAC(pepper, normalised national identifier). One person must get
 * one key however their identifier is written, and the raw identifier must never come back out,
 * not even in an error message.
 */
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { AppError } from "../../lib/errors";
import { createSubjectKeyer, normaliseNationalId, sameSubjectKey } from "../../lib/identity/subject-key";

const PEPPER = Buffer.alloc(32, 7);

describe("normaliseNationalId: one person, one identifier", () => {
  const same: [string, string, string][] = [
    ["an eIDAS identifier with a destination and one without", "ES/AT/02635542Y", "ES/02635542Y"],
    ["different destinations", "ES/AT/02635542Y", "ES/DE/02635542Y"],
    ["lower-case letters", "es/at/02635542y", "ES/02635542Y"],
    ["spaces inside the identifier", "ES/0263 5542 Y", "ES/02635542Y"],
    ["spaces around the parts", "  ES / AT / 02635542Y  ", "ES/02635542Y"],
    ["dots inside the identifier", "ES/02.635.542-Y", "ES/02635542Y"],
    ["dashes inside the identifier", "ES/02635542-Y", "ES/02635542Y"],
    ["underscores inside the identifier", "ES/02635542_Y", "ES/02635542Y"],
    ["the eIDAS code EL for Greece and the ISO code GR", "EL/DE/123456789", "GR/123456789"],
    ["UK and GB", "UK/12345", "GB/12345"],
    ["full-width digits (NFKC)", "ES/０２６３５５４２Y", "ES/02635542Y"],
  ];

  it.each(same)("%s give the same identifier", (_name, a, b) => {
    expect(normaliseNationalId(a)).toBe(normaliseNationalId(b));
  });

  it("the normal form is COUNTRY/IDENTIFIER in upper case", () => {
    expect(normaliseNationalId("es/at/0263-5542.y")).toBe("ES/02635542Y");
    expect(normaliseNationalId("el/DE/12 34")).toBe("GR/1234");
  });

  const different: [string, string, string][] = [
    ["the same number in two countries", "ES/12345678", "PT/12345678"],
    ["two different numbers", "ES/12345678", "ES/12345679"],
    ["a leading zero", "ES/012345678", "ES/12345678"],
  ];

  it.each(different)("%s stay different", (_name, a, b) => {
    expect(normaliseNationalId(a)).not.toBe(normaliseNationalId(b));
  });

  const SECRET = "99887766X";
  const invalid: [string, unknown][] = [
    ["an empty string", ""],
    ["only spaces", "   "],
    ["no slash", `ES${SECRET}`],
    ["four parts", `ES/AT/DE/${SECRET}`],
    ["an empty identifier", "ES/"],
    ["an identifier of separators only", "ES/.-_ "],
    ["a country of three letters", `ESP/${SECRET}`],
    ["a country with a digit", `E1/${SECRET}`],
    ["a destination that is not a country", `ES/A1/${SECRET}`],
    ["a non-alphanumeric character in the identifier", `ES/${SECRET}#`],
    ["a letter outside A-Z in the identifier", `ES/${SECRET}Ω`],
    ["an identifier longer than 64 characters", `ES/${SECRET}${"1".repeat(64)}`],
    ["an input longer than 256 characters", `ES/${SECRET}${" ".repeat(300)}`],
    ["a number", 99887766],
    ["null", null],
    ["undefined", undefined],
    ["an object", { id: `ES/${SECRET}` }],
  ];

  it.each(invalid)("%s is refused without echoing the identifier", (_name, raw) => {
    let thrown: unknown;
    try {
      normaliseNationalId(raw as string);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const err = thrown as AppError;
    expect(err.code).toBe("INVALID_SUBJECT_IDENTIFIER");
    expect(err.status).toBe(400);
    const everything = `${err.message} ${String(err)} ${err.stack ?? ""} ${JSON.stringify(err)} ${JSON.stringify(err.issues)}`;
    expect(everything).not.toContain(SECRET);
    if (typeof raw === "string" && raw.trim() !== "") expect(everything).not.toContain(raw.trim());
  });
});

describe("subject keys", () => {
  const keyer = createSubjectKeyer(PEPPER);

  it("a key is 64 lower-case hex characters", () => {
    expect(keyer.keyOf("ES/AT/02635542Y")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the same person gets the same key, whichever node they signed in through", () => {
    const k = keyer.keyOf("ES/AT/02635542Y");
    expect(keyer.keyOf("ES/02635542Y")).toBe(k);
    expect(keyer.keyOf("es/de/0263-5542-y")).toBe(k);
    expect(createSubjectKeyer(Buffer.alloc(32, 7)).keyOf("ES/02635542Y")).toBe(k);
  });

  it("different people get different keys", () => {
    expect(keyer.keyOf("ES/02635542Y")).not.toBe(keyer.keyOf("ES/02635543Y"));
    expect(keyer.keyOf("ES/02635542Y")).not.toBe(keyer.keyOf("PT/02635542Y"));
  });

  it("a different pepper gives a different key for the same person", () => {
    const other = createSubjectKeyer(Buffer.alloc(32, 8));
    expect(other.keyOf("ES/02635542Y")).not.toBe(keyer.keyOf("ES/02635542Y"));
  });

  it("zeroing the pepper buffer after creating the keyer does not change keys", () => {
    const pepper = randomBytes(32);
    const k = createSubjectKeyer(pepper);
    const before = k.keyOf("ES/02635542Y");
    pepper.fill(0);
    expect(k.keyOf("ES/02635542Y")).toBe(before);
  });

  it.each([0, 16, 31])("a pepper of %i bytes is refused", (n) => {
    expect(() => createSubjectKeyer(Buffer.alloc(n, 1))).toThrow(/at least 32 bytes/);
  });

  it("a pepper of 32 bytes or more is accepted", () => {
    expect(() => createSubjectKeyer(randomBytes(32))).not.toThrow();
    expect(() => createSubjectKeyer(randomBytes(64))).not.toThrow();
  });

  it("keying an invalid identifier fails without echoing it", () => {
    expect(() => keyer.keyOf("ES-99887766X")).toThrow(AppError);
    try {
      keyer.keyOf("ES-99887766X");
    } catch (e) {
      expect(String(e)).not.toContain("99887766X");
    }
  });

  it("sameSubjectKey compares keys, and is false for keys of different lengths", () => {
    const k = keyer.keyOf("ES/02635542Y");
    expect(sameSubjectKey(k, k)).toBe(true);
    expect(sameSubjectKey(k, keyer.keyOf("ES/02635543Y"))).toBe(false);
    expect(sameSubjectKey(k, k.slice(0, 62))).toBe(false);
  });

  const COUNTRY = fc.constantFrom("ES", "AT", "DE", "FR", "IT", "PL", "SE", "EL", "NL", "PT");
  const ID_CHARS = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split(""));
  const identifierArb = fc
    .tuple(COUNTRY, fc.option(COUNTRY), fc.string({ unit: ID_CHARS, minLength: 4, maxLength: 40 }))
    .map(([origin, dest, id]) => (dest ? `${origin}/${dest}/${id}` : `${origin}/${id}`));

  it("property: a key never contains the identifier, in any spelling", () => {
    fc.assert(
      fc.property(identifierArb, (raw) => {
        const key = keyer.keyOf(raw);
        const id = raw.split("/").pop()!;
        expect(key).toMatch(/^[0-9a-f]{64}$/);
        expect(key).not.toContain(raw);
        expect(key.toLowerCase()).not.toContain(normaliseNationalId(raw).toLowerCase());
        if (id.length >= 10) expect(key).not.toContain(id.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  it("property: the key ignores case, separators and the destination", () => {
    fc.assert(
      fc.property(identifierArb, COUNTRY, fc.constantFrom(" ", ".", "-", "_"), fc.nat(), (raw, dest, sep, pos) => {
        const parts = raw.split("/");
        const origin = parts[0]!;
        const id = parts[parts.length - 1]!;
        const at = pos % (id.length + 1);
        const respelt = `${origin.toLowerCase()}/${dest}/${id.slice(0, at)}${sep}${id.slice(at).toLowerCase()}`;
        expect(keyer.keyOf(respelt)).toBe(keyer.keyOf(raw.toUpperCase()));
      }),
      { numRuns: 300 },
    );
  });
});
