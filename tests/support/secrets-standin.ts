/**
 * A STAND-IN FOR AWS SECRETS MANAGER, NOT AN EMULATOR FROM AWS: a loopback HTTP server that
 * answers the one call Donum makes (POST /, X-Amz-Target secretsmanager.GetSecretValue) for one
 * secret, as Secrets Manager answers it ({ ARN, Name, SecretString, VersionId }; an unknown
 * SecretId is a 400 ResourceNotFoundException). SigV4 signatures are not checked. Tests only.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SecretsStandIn {
  endpoint: string;
  arn: string;
  /** How many GetSecretValue calls were answered. */
  reads(): number;
  close(): Promise<void>;
}

export async function startSecretsStandIn(value: Record<string, string>, region = "eu-central-1"): Promise<SecretsStandIn> {
  const name = "donum/app";
  const arn = `arn:aws:secretsmanager:${region}:111122223333:secret:${name}-AbCdEf`;
  let reads = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": randomUUID() });
        res.end(JSON.stringify(json));
      };
      if (req.headers["x-amz-target"] !== "secretsmanager.GetSecretValue") {
        return answer(400, { __type: "InvalidRequestException", message: `unsupported target ${String(req.headers["x-amz-target"])}` });
      }
      const { SecretId } = JSON.parse(body || "{}") as { SecretId?: string };
      if (SecretId !== arn && SecretId !== name) return answer(400, { __type: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret." });
      reads++;
      answer(200, { ARN: arn, Name: name, SecretString: JSON.stringify(value), VersionId: randomUUID(), VersionStages: ["AWSCURRENT"], CreatedDate: Date.now() / 1000 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    arn,
    reads: () => reads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
