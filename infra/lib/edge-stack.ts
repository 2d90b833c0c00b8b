/**
 * The WAF in front of CloudFront. A WebACL of scope CLOUDFRONT can only be created in us-east-1,
 * so it lives in a stack of its own there; DonumStack (in the portal's region) reads its ARN
 * through a cross-region reference (`crossRegionReferences: true` on both stacks).
 */
import { Stack, type StackProps } from "aws-cdk-lib";
import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import type { Construct } from "constructs";

export interface DonumEdgeStackProps extends StackProps {
  /**
   * Requests per client IP address in any 5-minute window to /api/ before WAF blocks that
   * address (for the rest of the window). Imaging nodes that check single subjects at a high
   * rate should use batch checks; raise this for nodes behind one NAT address.
   */
  apiRateLimitPer5Minutes: number;
}

export class DonumEdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: DonumEdgeStackProps) {
    super(scope, id, props);
    if (this.region !== "us-east-1" && !this.region.startsWith("${Token")) {
      throw new Error(`DonumEdgeStack must be deployed in us-east-1 (WAF for CloudFront), not ${this.region}`);
    }
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    this.webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      visibilityConfig: visibility("donum-web-acl"),
      rules: [
        {
          // Rate limit per client IP, only for the API (/api/...): the pages are light.
          name: "api-rate-limit",
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: "IP",
              limit: props.apiRateLimitPer5Minutes,
              evaluationWindowSec: 300,
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: "STARTS_WITH",
                  searchString: "/api/",
                  textTransformations: [{ priority: 0, type: "NONE" }],
                },
              },
            },
          },
          visibilityConfig: visibility("donum-api-rate-limit"),
        },
        {
          name: "aws-common-rule-set",
          priority: 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: "AWS",
              name: "AWSManagedRulesCommonRuleSet",
              // Batch checks and form drafts are larger than the rule set's 8 KB body limit; the
              // app bounds bodies itself (lib/http/body.ts), so that one rule only counts.
              ruleActionOverrides: [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility("donum-common-rule-set"),
        },
        {
          name: "aws-known-bad-inputs",
          priority: 2,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet" } },
          visibilityConfig: visibility("donum-known-bad-inputs"),
        },
      ],
    });
  }
}
