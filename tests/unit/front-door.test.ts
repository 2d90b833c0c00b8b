/**
 * The front door (lib/http/front-door.ts): behind CloudFront, only requests carrying the origin
 * secret CloudFront adds are answered; with no secret configured every request passes.
 */
import { frontDoorVerdict, ORIGIN_VERIFY_HEADER } from "../../lib/http/front-door";

const SECRET = "Kq3v9ZxT2mW8pL4sR7yB1nC6hJ0dF5gA";
const headers = (value?: string) => new Headers(value === undefined ? {} : { [ORIGIN_VERIFY_HEADER]: value });

it.each([
  ["no secret configured, no header", null, undefined, "pass"],
  ["no secret configured, any header", null, "whatever", "pass"],
  ["the right header", SECRET, SECRET, "pass"],
  ["no header", SECRET, undefined, "refuse"],
  ["an empty header", SECRET, "", "refuse"],
  ["a prefix of the secret", SECRET, SECRET.slice(0, -1), "refuse"],
  ["the secret and more", SECRET, `${SECRET}x`, "refuse"],
  ["another case", SECRET, SECRET.toLowerCase(), "refuse"],
  ["the secret with spaces around", SECRET, ` ${SECRET} `, "pass"], // Headers trims surrounding whitespace, as HTTP does
])("%s → %s", (_, secret, value, verdict) => {
  expect(frontDoorVerdict(headers(value), secret)).toBe(verdict);
});

it("reads the header whatever its case", () => {
  expect(frontDoorVerdict(new Headers({ "X-Donum-Origin-Verify": SECRET }), SECRET)).toBe("pass");
});
