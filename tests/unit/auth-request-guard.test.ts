/**
 * The guards on state-changing session requests (lib/auth/request-guard.ts): same Origin, JSON,
 * at most 64 KiB; and the sign-in page's callback path filter.
 */
import { AppError } from "../../lib/errors";
import { MAX_JSON_BODY_BYTES, checkOrigin, isUnsafeMethod, readJsonBody, safeCallbackPath } from "../../lib/auth/request-guard";

const ORIGIN = "https://donum.example.eu";

function request(init: { method?: string; headers?: Record<string, string>; body?: BodyInit | null } = {}): Request {
  return new Request(`${ORIGIN}/api/me/consent`, { method: init.method ?? "POST", headers: init.headers, body: init.body ?? null, duplex: "half" } as RequestInit);
}

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | null> {
  try {
    await (typeof p === "function" ? p() : p);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe("isUnsafeMethod", () => {
  it("is true for POST, PUT, PATCH and DELETE only", () => {
    expect(["POST", "put", "PATCH", "DELETE"].map(isUnsafeMethod)).toEqual([true, true, true, true]);
    expect(["GET", "HEAD", "OPTIONS"].map(isUnsafeMethod)).toEqual([false, false, false]);
  });
});

describe("checkOrigin", () => {
  it("accepts exactly the portal's origin", async () => {
    expect(await codeOf(() => checkOrigin(request({ headers: { origin: ORIGIN } }), ORIGIN))).toBeNull();
  });

  it.each([
    ["no Origin header", {}],
    ["another site", { origin: "https://evil.example" }],
    ["another scheme", { origin: "http://donum.example.eu" }],
    ["another port", { origin: "https://donum.example.eu:8443" }],
    ["a sub-domain", { origin: "https://x.donum.example.eu" }],
    ["the opaque origin of a sandboxed frame", { origin: "null" }],
  ])("refuses %s with FORBIDDEN", async (_what, headers) => {
    expect(await codeOf(() => checkOrigin(request({ headers }), ORIGIN))).toBe("FORBIDDEN");
  });
});

describe("readJsonBody", () => {
  const json = { "content-type": "application/json" };

  it("parses a JSON body, with or without a charset", async () => {
    await expect(readJsonBody(request({ headers: json, body: '{"a":1}' }))).resolves.toEqual({ a: 1 });
    await expect(readJsonBody(request({ headers: { "content-type": "application/json; charset=utf-8" }, body: "[1]" }))).resolves.toEqual([1]);
  });

  it("refuses other content types, empty bodies and invalid JSON with INVALID_INPUT", async () => {
    expect(await codeOf(readJsonBody(request({ headers: { "content-type": "text/plain" }, body: "{}" })))).toBe("INVALID_INPUT");
    expect(await codeOf(readJsonBody(request({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" })))).toBe("INVALID_INPUT");
    expect(await codeOf(readJsonBody(request({ body: "{}" })))).toBe("INVALID_INPUT");
    expect(await codeOf(readJsonBody(request({ headers: json, body: "" })))).toBe("INVALID_INPUT");
    expect(await codeOf(readJsonBody(request({ headers: json, body: "{nope" })))).toBe("INVALID_INPUT");
  });

  it("accepts exactly 64 KiB and refuses one byte more with PAYLOAD_TOO_LARGE", async () => {
    const exact = JSON.stringify("x".repeat(MAX_JSON_BODY_BYTES - 2));
    expect(Buffer.byteLength(exact)).toBe(MAX_JSON_BODY_BYTES);
    await expect(readJsonBody(request({ headers: json, body: exact }))).resolves.toHaveLength(MAX_JSON_BODY_BYTES - 2);
    const over = JSON.stringify("x".repeat(MAX_JSON_BODY_BYTES - 1));
    expect(await codeOf(readJsonBody(request({ headers: json, body: over })))).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(10));
        controller.close();
      },
    });
    const req = request({ headers: { ...json, "content-length": String(MAX_JSON_BODY_BYTES + 1) }, body });
    expect(await codeOf(readJsonBody(req))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(1); // at most the stream's own eager first pull; never read by us
  });

  it("reads a stream without a length that passes the limit slightly to its end, dropping it, so the connection stays usable", async () => {
    let chunks = 0;
    let closed = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        if (chunks > 10) {
          closed = true;
          controller.close();
        } else controller.enqueue(new Uint8Array(8192)); // 80 KiB in all
      },
    });
    expect(await codeOf(readJsonBody(request({ headers: json, body })))).toBe("PAYLOAD_TOO_LARGE");
    expect(closed).toBe(true);
  });

  it("stops reading an oversized stream after at most 1 MiB more than the limit", async () => {
    let chunks = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks++;
        if (chunks > 1000) controller.close();
        else controller.enqueue(new Uint8Array(8192)); // 8 MiB offered
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await codeOf(readJsonBody(request({ headers: json, body })))).toBe("PAYLOAD_TOO_LARGE");
    expect(cancelled).toBe(true);
    expect(chunks * 8192).toBeLessThanOrEqual(MAX_JSON_BODY_BYTES + 1024 * 1024 + 3 * 8192);
  });

  it("lets a DELETE come without a body", async () => {
    await expect(readJsonBody(request({ method: "DELETE" }))).resolves.toBeUndefined();
    await expect(readJsonBody(request({ method: "DELETE", headers: json, body: '{"reason":"x"}' }))).resolves.toEqual({ reason: "x" });
  });
});

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/me")).toBe("/me");
    expect(safeCallbackPath("/me/history?x=1#h")).toBe("/me/history?x=1#h");
  });

  it.each([
    ["an absolute URL", "https://evil.example/"],
    ["a protocol-relative URL", "//evil.example/"],
    ["a backslash trick", "/\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "me"],
    ["a control character", "/me\n"],
    ["nothing", undefined],
    ["an array", ["/me"]],
  ])("turns %s into /", (_what, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});
