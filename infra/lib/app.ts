/** Both stacks of a deployment, wired together (used by bin/donum.ts and by the tests). */
import type { App } from "aws-cdk-lib";
import { DonumEdgeStack } from "./edge-stack";
import { DonumStack } from "./donum-stack";
import type { Settings } from "./settings";

export function createDonumApp(app: App, s: Settings): { edge: DonumEdgeStack; main: DonumStack } {
  const edge = new DonumEdgeStack(app, `${s.stackName}-edge`, {
    env: { account: s.account, region: "us-east-1" },
    crossRegionReferences: true,
    apiRateLimitPer5Minutes: s.apiRateLimitPer5Minutes,
    description: "Donum: WAF for CloudFront (us-east-1)",
  });
  const main = new DonumStack(app, s.stackName, {
    env: { account: s.account, region: s.region },
    crossRegionReferences: true,
    description: "Donum: consent and data-altruism portal",
    domainName: s.domainName,
    certificateArn: s.certificateArn,
    oidcIssuer: s.oidcIssuer,
    oidcClientId: s.oidcClientId,
    ...(s.alarmEmail ? { alarmEmail: s.alarmEmail } : {}),
    exportRetentionDays: s.exportRetentionDays,
    serverCodePath: s.serverCodePath,
    assetsPath: s.assetsPath,
    logWorkerCode: s.logWorkerCode,
    webAclArn: edge.webAcl.attrArn,
    signingKeys: s.signingKeys,
    activeSigningKey: s.activeSigningKey,
    ...(s.signingKeyStateFile ? { signingKeyStateFile: s.signingKeyStateFile } : {}),
    ...(s.existingTableName ? { existingTableName: s.existingTableName } : {}),
  });
  // crossRegionReferences makes main depend on edge (the WebACL ARN is read from us-east-1).
  return { edge, main };
}
