/**
 * A STAND-IN FOR CLOUDFRONT, NOT CLOUDFRONT: a loopback reverse proxy that forwards every request
 * to the portal and, as the distribution's origin custom header does (infra/lib/donum-stack.ts),
 * sets x-donum-origin-verify to the origin secret, replacing any value the client sent. Bodies are
 * streamed both ways. No caching, no WAF. Tests only.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { ORIGIN_VERIFY_HEADER } from "../../lib/http/front-door";

export interface CdnStandIn {
  /** http://127.0.0.1:<port>: where clients send their requests. */
  url: string;
  close(): Promise<void>;
}

export async function startCdnStandIn(origin: string, originSecret: string): Promise<CdnStandIn> {
  const target = new URL(origin);
  const server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host, [ORIGIN_VERIFY_HEADER]: originSecret };
    const forwarded = httpRequest(
      { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("origin unreachable");
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
