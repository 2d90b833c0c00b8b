/**
 * Loads the OpenNext server function (argv[2]: its index.mjs) as the Lambda Node.js runtime
 * would, and invokes its handler with function-URL events (API Gateway v2 format) through the
 * streaming protocol: the response is a JSON prelude (status, headers), eight zero bytes, then
 * the body. Prints one JSON line per request given in argv[3] (a JSON array of
 * { path, method?, headers?, body? }): { path, status, body }. Used by check-opennext.ts.
 */
import { Writable } from "node:stream";

// The globals the Lambda runtime provides to streaming handlers.
globalThis.awslambda = { streamifyResponse: (h) => h, HttpResponseStream: { from: (s) => s } };

const { handler } = await import(process.argv[2]);
const requests = JSON.parse(process.argv[3]);

async function invoke({ path, method = "GET", headers = {}, body }) {
  const chunks = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  stream.setContentType = () => {};
  const finished = new Promise((resolve) => stream.on("finish", resolve));
  const event = {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: "",
    headers: { host: "donum.example.eu", "x-forwarded-proto": "https", ...headers },
    requestContext: {
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "check-opennext" },
      domainName: "donum.example.eu",
      requestId: "check",
      stage: "$default",
      timeEpoch: Date.now(),
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
  await handler(event, stream, { getRemainingTimeInMillis: () => 30_000, functionName: "check", awsRequestId: "check" });
  await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  const all = Buffer.concat(chunks);
  const cut = all.indexOf(Buffer.alloc(8));
  const prelude = JSON.parse(all.subarray(0, cut).toString("utf8"));
  return { path, status: prelude.statusCode, body: all.subarray(cut + 8).toString("utf8").slice(0, 300) };
}

for (const request of requests) process.stdout.write(`\nRESULT:${JSON.stringify(await invoke(request))}\n`);
process.exit(0);
