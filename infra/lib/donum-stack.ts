/**
 * Donum on AWS: the single DynamoDB table, the audit-export bucket (Object Lock), the KMS signing
 * key, the secrets, the Next.js server (OpenNext) on Lambda behind CloudFront, the scheduled log
 * worker, alarms. docs/deploy.md explains how to deploy and operate it; the WAF is DonumEdgeStack
 * (us-east-1). Data resources are retained when the stack is deleted.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, type StackProps } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cwActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as events from "aws-cdk-lib/aws-events";
import * as targets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as nodejs from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";
import { ORIGIN_VERIFY_HEADER } from "../../lib/http/front-door";
import { LAMBDA_NODE_MAJOR } from "../bin/lambda-node";
import { tableDefinition, TTL_ATTRIBUTE } from "../../lib/store/dynamodb/table";

/** The DynamoDB actions the adapter uses (lib/store/dynamodb): nothing else, on the table and its indexes. */
export const TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:BatchWriteItem",
] as const;

export interface LogWorkerCode {
  /** Bundle lib/server/log-worker.ts with esbuild (local, no Docker) at synth time. */
  kind: "bundle";
  /** Repository root (the entry and package-lock.json are found from it). */
  projectRoot: string;
}

export interface PrebuiltCode {
  /** A directory holding index.js (or index.mjs) that exports `handler`. */
  kind: "directory";
  path: string;
}

export interface DonumStackProps extends StackProps {
  /** Public host name of the portal (e.g. donum.example.eu): DONUM_PUBLIC_URL is https://<domainName>. */
  domainName: string;
  /** ACM certificate for domainName, in us-east-1 (CloudFront). */
  certificateArn: string;
  oidcIssuer: string;
  oidcClientId: string;
  /** Alarm notifications go to this address (a subscription to confirm); none: topic only. */
  alarmEmail?: string;
  /** Default Object Lock retention (COMPLIANCE) of audit exports, in days. */
  exportRetentionDays: number;
  /** OpenNext output: the server function bundle (.open-next/server-functions/default). */
  serverCodePath: string;
  /** OpenNext output: static assets (.open-next/assets). */
  assetsPath: string;
  logWorkerCode: LogWorkerCode | PrebuiltCode;
  /** WAFv2 WebACL ARN (scope CLOUDFRONT, from DonumEdgeStack). */
  webAclArn: string;
  /**
   * Signing key generations (ADR 0006, docs/deploy.md "Rotate the signing key"): one KMS key
   * (ECC_NIST_P256, SIGN_VERIFY) per name, alias alias/donum/signing-<name>. `activeSigningKey`
   * signs; the others exist (staged or retired) and are never deleted by the stack.
   */
  signingKeys: string[];
  activeSigningKey: string;
  /**
   * signing-keys.json (ADR 0006: the staged next key and the previous keys to publish), shipped
   * to both functions as a layer at /opt/donum/keys/; none: only the active key is published.
   */
  signingKeyStateFile?: string;
  /**
   * Use this existing table (e.g. restored from point-in-time recovery, encrypted with the stack's
   * table key) instead of the stack's own; the stack's table is then no longer managed (retained).
   */
  existingTableName?: string;
}

/** The functions' runtime; infra/bin/check-opennext.ts runs the built bundle on the same Node major. */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Data directory of the functions: read-only, holds only the optional signing-key state layer. */
export const FUNCTION_DATA_DIR = "/opt/donum";

export class DonumStack extends Stack {
  readonly table: dynamodb.ITable;
  readonly exportBucket: s3.Bucket;
  readonly assetsBucket: s3.Bucket;
  readonly signingKey: kms.Key;
  readonly secret: secretsmanager.Secret;
  readonly serverFunction: lambda.Function;
  readonly logWorker: lambda.Function;
  readonly distribution: cloudfront.Distribution;
  readonly alarmTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: DonumStackProps) {
    super(scope, id, props);
    if (!props.signingKeys.includes(props.activeSigningKey)) {
      throw new Error(`activeSigningKey "${props.activeSigningKey}" is not one of signingKeys (${props.signingKeys.join(", ")})`);
    }

    // ── Customer-managed keys, one per store, rotated yearly by KMS.
    const cmk = (name: string, description: string) =>
      new kms.Key(this, name, { description, enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN, pendingWindow: Duration.days(30) });
    const tableKey = cmk("TableKey", "Donum: DynamoDB table encryption");
    const exportsKey = cmk("ExportsKey", "Donum: audit export bucket encryption");
    const secretsKey = cmk("SecretsKey", "Donum: Secrets Manager encryption");

    // ── The single table (lib/store/dynamodb/table.ts is the reference).
    const definition = tableDefinition("donum");
    this.table = props.existingTableName
      ? dynamodb.Table.fromTableAttributes(this, "RestoredTable", { tableName: props.existingTableName, encryptionKey: tableKey, grantIndexPermissions: true })
      : this.createTable(definition, tableKey);

    // ── Audit exports: versioned, Object Lock COMPLIANCE (nobody, not even root, can delete a
    // locked version before its retention ends), SSE-KMS, private, TLS only.
    this.exportBucket = new s3.Bucket(this, "ExportBucket", {
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(props.exportRetentionDays)),
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: exportsKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // ── Static assets (OpenNext): private, read by CloudFront through OAC only.
    this.assetsBucket = new s3.Bucket(this, "AssetsBucket", {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    // ── Signing keys (ADR 0006): asymmetric, the private part never leaves KMS. Never deleted
    // by the stack: what they signed must stay verifiable (their public keys stay published).
    const signingKeys = new Map<string, kms.Key>();
    for (const name of props.signingKeys) {
      if (!/^[A-Za-z0-9-]{1,40}$/.test(name)) throw new Error(`signing key name "${name}": letters, digits and - only`);
      signingKeys.set(
        name,
        new kms.Key(this, `SigningKey-${name}`, {
          description: `Donum: ES256 signing key ${name} (decisions, receipts, checkpoints)`,
          keySpec: kms.KeySpec.ECC_NIST_P256,
          keyUsage: kms.KeyUsage.SIGN_VERIFY,
          alias: `alias/donum/signing-${name}`,
          removalPolicy: RemovalPolicy.RETAIN,
          pendingWindow: Duration.days(30),
        }),
      );
    }
    this.signingKey = signingKeys.get(props.activeSigningKey)!;

    // ── Secrets (lib/config/secrets.ts): one JSON secret. Secrets Manager generates one value
    // per secret, so the session secret and the origin secret are generated in seed secrets and
    // copied in at creation (CloudFormation dynamic references); the pepper is generated in place.
    // 64 letters and digits: valid base64 of 48 bytes (the pepper's rule), > 32 characters, and a
    // valid header value (the origin secret's rule). The operator adds DONUM_OIDC_CLIENT_SECRET
    // (docs/deploy.md). NEVER change the generator of a deployed stack: a new pepper changes every
    // subject key.
    const seed = (id: string, description: string) =>
      new secretsmanager.Secret(this, id, {
        description,
        encryptionKey: secretsKey,
        generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
        removalPolicy: RemovalPolicy.RETAIN,
      });
    const sessionSeed = seed("SessionSecretSeed", "Donum: seed of DONUM_SESSION_SECRET (copied into the app secret at creation; not read by the app)");
    const originSeed = seed("OriginSecretSeed", "Donum: seed of DONUM_ORIGIN_SECRET (copied into the app secret at creation; not read by the app)");
    this.secret = new secretsmanager.Secret(this, "AppSecret", {
      description: "Donum: DONUM_SUBJECT_PEPPER, DONUM_SESSION_SECRET, DONUM_ORIGIN_SECRET, DONUM_OIDC_CLIENT_SECRET (put in by the operator)",
      encryptionKey: secretsKey,
      generateSecretString: {
        secretStringTemplate: Stack.of(this).toJsonString({
          DONUM_SESSION_SECRET: SecretValue.secretsManager(sessionSeed.secretArn).unsafeUnwrap(),
          DONUM_ORIGIN_SECRET: SecretValue.secretsManager(originSeed.secretArn).unsafeUnwrap(),
        }),
        generateStringKey: "DONUM_SUBJECT_PEPPER",
        passwordLength: 64,
        excludePunctuation: true,
        includeSpace: false,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // ── Functions: same environment for the server and the log worker.
    const environment: Record<string, string> = {
      NODE_ENV: "production",
      DONUM_MODE: "production",
      DONUM_STORE: "dynamodb",
      DONUM_DYNAMODB_TABLE: this.table.tableName,
      DONUM_SIGNER: "kms",
      DONUM_KMS_KEY_ID: this.signingKey.keyArn,
      DONUM_BLOB_STORE: "s3",
      DONUM_S3_BUCKET: this.exportBucket.bucketName,
      // A function is frozen after its response: exports run in the scheduled log worker, the only
      // function that may write to the export bucket.
      DONUM_EXPORT_RUNNER: "worker",
      DONUM_SECRETS_ARN: this.secret.secretArn,
      DONUM_PUBLIC_URL: `https://${props.domainName}`,
      DONUM_OIDC_ISSUER: props.oidcIssuer,
      DONUM_OIDC_CLIENT_ID: props.oidcClientId,
      DONUM_DATA_DIR: FUNCTION_DATA_DIR,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // AWS_REGION is set by Lambda itself (a reserved variable: it cannot be set here) to the
    // function's region, which is the stack's region: the table's, bucket's, key's and secret's.
    const layers = props.signingKeyStateFile ? [this.keyStateLayer(props.signingKeyStateFile)] : [];

    const logGroup = (name: string) =>
      new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });

    this.serverFunction = new lambda.Function(this, "ServerFunction", {
      description: "Donum: Next.js server (OpenNext)",
      // ADR 0009: the bundle is checked on this Node major (infra/bin/lambda-node.ts). The native
      // better-sqlite3 in it is the build machine's and never loaded here (DONUM_STORE=dynamodb).
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.X86_64,
      handler: "index.handler",
      code: lambda.Code.fromAsset(props.serverCodePath),
      memorySize: 1536,
      timeout: Duration.seconds(60),
      environment,
      layers,
      logGroup: logGroup("ServerFunction"),
    });
    const serverUrl = this.serverFunction.addFunctionUrl({
      authType: lambda.FunctionUrlAuthType.NONE,
      invokeMode: lambda.InvokeMode.RESPONSE_STREAM,
    });

    const workerCode = props.logWorkerCode;
    const workerProps = {
      description: "Donum: audit log worker (sequence, integrate, sign checkpoint), every minute",
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.X86_64,
      memorySize: 512,
      // runLogWorker stops starting new rounds after 45 s.
      timeout: Duration.seconds(90),
      environment,
      layers,
      logGroup: logGroup("LogWorker"),
      // One run at a time: the sequencer and the integrator are single writers by design.
      reservedConcurrentExecutions: 1,
    };
    this.logWorker =
      workerCode.kind === "bundle"
        ? new nodejs.NodejsFunction(this, "LogWorker", {
            ...workerProps,
            entry: join(workerCode.projectRoot, "lib/server/log-worker.ts"),
            handler: "handler",
            projectRoot: workerCode.projectRoot,
            depsLockFilePath: join(workerCode.projectRoot, "package-lock.json"),
            bundling: {
              format: nodejs.OutputFormat.CJS,
              target: `node${LAMBDA_NODE_MAJOR}`,
              minify: true,
              sourceMap: false,
              // Bundle the pinned AWS SDK instead of the runtime's copy.
              externalModules: [],
              forceDockerBundling: false,
              esbuildArgs: { "--alias:better-sqlite3": join(workerCode.projectRoot, "infra/lambda/better-sqlite3-stub.ts") },
            },
          })
        : new lambda.Function(this, "LogWorker", { ...workerProps, handler: "index.handler", code: lambda.Code.fromAsset(workerCode.path) });
    new events.Rule(this, "LogWorkerSchedule", {
      description: "Donum: run the audit log worker every minute",
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(this.logWorker, { retryAttempts: 0 })],
    });

    // ── Least privilege, spelled out (no grant* helpers: they add actions the app never calls).
    for (const fn of [this.serverFunction, this.logWorker]) {
      const add = (sid: string, actions: string[], resources: string[]) => fn.addToRolePolicy(new iam.PolicyStatement({ sid, actions, resources }));
      add("Table", [...TABLE_ACTIONS], [this.table.tableArn, `${this.table.tableArn}/index/*`]);
      add("TableKey", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], [tableKey.keyArn]);
      add("Sign", ["kms:Sign", "kms:GetPublicKey"], [this.signingKey.keyArn]);
      add("Secret", ["secretsmanager:GetSecretValue"], [this.secret.secretArn]);
      add("SecretKey", ["kms:Decrypt"], [secretsKey.keyArn]);
    }
    // Exports: the worker writes them (multipart uploads included) and reads them back; the server
    // only reads (downloads). ListBucket makes a missing object a 404 instead of a 403.
    this.logWorker.addToRolePolicy(
      new iam.PolicyStatement({ sid: "ExportObjects", actions: ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload"], resources: [this.exportBucket.arnForObjects("*")] }),
    );
    this.logWorker.addToRolePolicy(new iam.PolicyStatement({ sid: "ExportList", actions: ["s3:ListBucket"], resources: [this.exportBucket.bucketArn] }));
    this.logWorker.addToRolePolicy(
      new iam.PolicyStatement({ sid: "ExportKey", actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], resources: [exportsKey.keyArn] }),
    );
    this.serverFunction.addToRolePolicy(new iam.PolicyStatement({ sid: "ExportRead", actions: ["s3:GetObject"], resources: [this.exportBucket.arnForObjects("*")] }));
    this.serverFunction.addToRolePolicy(new iam.PolicyStatement({ sid: "ExportList", actions: ["s3:ListBucket"], resources: [this.exportBucket.bucketArn] }));
    this.serverFunction.addToRolePolicy(new iam.PolicyStatement({ sid: "ExportKey", actions: ["kms:Decrypt"], resources: [exportsKey.keyArn] }));

    // ── CloudFront: the server function for everything, static assets from S3 (OAC).
    const assetsOrigin = origins.S3BucketOrigin.withOriginAccessControl(this.assetsBucket, { originPath: "/_assets" });
    // The function URL is public (authType NONE: CloudFront's access control for function URLs
    // would make every client send a SHA-256 of each body). CloudFront adds the origin secret to
    // every request it forwards, replacing any value a client sent, and the app refuses requests
    // without it (lib/http/front-door.ts): the URL cannot be used to go around CloudFront and the
    // WAF. The value is resolved by CloudFormation from the app secret at deployment; the
    // template holds only the reference.
    const serverOrigin = new origins.FunctionUrlOrigin(serverUrl, {
      readTimeout: Duration.seconds(60),
      customHeaders: { [ORIGIN_VERIFY_HEADER]: SecretValue.secretsManager(this.secret.secretArn, { jsonField: "DONUM_ORIGIN_SECRET" }).unsafeUnwrap() },
    });
    const dynamicBehavior: cloudfront.BehaviorOptions = {
      origin: serverOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };
    const staticBehavior: cloudfront.BehaviorOptions = {
      origin: assetsOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      compress: true,
    };
    const additionalBehaviors: Record<string, cloudfront.BehaviorOptions> = {
      "_next/*": staticBehavior,
      // The JWK Set is served with max-age=300 (ADR 0006): a shared cache may keep it that long.
      ".well-known/*": { ...dynamicBehavior, allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD, cachePolicy: cloudfront.CachePolicy.USE_ORIGIN_CACHE_CONTROL_HEADERS },
    };
    // Files of public/ (favicon.ico, …): one behavior per top-level entry of the assets.
    for (const entry of readdirSync(props.assetsPath)) {
      if (entry === "_next") continue;
      additionalBehaviors[statSync(join(props.assetsPath, entry)).isDirectory() ? `${entry}/*` : entry] = staticBehavior;
    }
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: `Donum ${props.domainName}`,
      domainNames: [props.domainName],
      certificate: acm.Certificate.fromCertificateArn(this, "Certificate", props.certificateArn),
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      webAclId: props.webAclArn,
      defaultBehavior: dynamicBehavior,
      additionalBehaviors,
    });
    new s3deploy.BucketDeployment(this, "Assets", {
      sources: [s3deploy.Source.asset(props.assetsPath)],
      destinationBucket: this.assetsBucket,
      destinationKeyPrefix: "_assets",
      // Hashed file names under _next/static: cache for a year.
      cacheControl: [s3deploy.CacheControl.fromString("public,max-age=31536000,immutable")],
      prune: false,
    });

    // ── Alarms → SNS.
    this.alarmTopic = new sns.Topic(this, "Alarms", { displayName: "Donum alarms", enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new cwActions.SnsAction(this.alarmTopic);
    const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string, missing = cloudwatch.TreatMissingData.NOT_BREACHING) => {
      const a = new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: missing,
        alarmDescription: description,
      });
      a.addAlarmAction(notify);
      a.addOkAction(notify);
      return a;
    };
    const period = Duration.minutes(5);
    for (const [name, fn, timeout] of [
      ["Server", this.serverFunction, 60],
      ["LogWorker", this.logWorker, 90],
    ] as const) {
      alarm(`${name}Errors`, fn.metricErrors({ period, statistic: "Sum" }), 1, `${name} function: invocation errors`);
      alarm(`${name}Throttles`, fn.metricThrottles({ period, statistic: "Sum" }), 1, `${name} function: throttled invocations`);
      alarm(`${name}DurationP99`, fn.metricDuration({ period, statistic: "p99" }), timeout * 1000 * 0.8, `${name} function: p99 duration at 80% of the timeout`);
    }
    // The worker must run every minute: no invocation in 5 minutes means the log stopped advancing.
    new cloudwatch.Alarm(this, "LogWorkerNotRunning", {
      metric: this.logWorker.metricInvocations({ period, statistic: "Sum" }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      alarmDescription: "Log worker: not invoked in 5 minutes (checkpoints are not advancing)",
    }).addAlarmAction(notify);
    const tableMetric = (metricName: string, dims: Record<string, string> = {}) =>
      new cloudwatch.Metric({ namespace: "AWS/DynamoDB", metricName, dimensionsMap: { TableName: this.table.tableName, ...dims }, period, statistic: "Sum" });
    alarm("TableReadThrottles", tableMetric("ReadThrottleEvents"), 1, "DynamoDB: read requests throttled");
    alarm("TableWriteThrottles", tableMetric("WriteThrottleEvents"), 1, "DynamoDB: write requests throttled");
    alarm("TableSystemErrors", tableMetric("SystemErrors"), 1, "DynamoDB: system errors (5xx)");
    // Index writes throttle the base table write: GSI2 (day) and GSI3 (pending) are the hot keys.
    for (const gsi of definition.GlobalSecondaryIndexes ?? []) {
      alarm(`${gsi.IndexName}WriteThrottles`, tableMetric("WriteThrottleEvents", { GlobalSecondaryIndexName: gsi.IndexName! }), 1, `DynamoDB ${gsi.IndexName}: index writes throttled`);
    }

    new CfnOutput(this, "DistributionDomainName", { value: this.distribution.distributionDomainName, description: "CNAME/alias target for the domain" });
    new CfnOutput(this, "TableName", { value: this.table.tableName });
    new CfnOutput(this, "ExportBucketName", { value: this.exportBucket.bucketName });
    new CfnOutput(this, "SecretArn", { value: this.secret.secretArn });
    new CfnOutput(this, "SigningKeyArn", { value: this.signingKey.keyArn });
    for (const [name, key] of signingKeys) new CfnOutput(this, `SigningKeyArn${name.replace(/-/g, "")}`, { value: key.keyArn, description: `signing key ${name}` });
    new CfnOutput(this, "AlarmTopicArn", { value: this.alarmTopic.topicArn });
  }

  /** The table as tableDefinition() declares it, plus what only a deployment needs. */
  private createTable(definition: ReturnType<typeof tableDefinition>, tableKey: kms.IKey): dynamodb.Table {
    const table = new dynamodb.Table(this, "Table", {
      partitionKey: { name: keyName(definition, "HASH"), type: dynamodb.AttributeType.STRING },
      sortKey: { name: keyName(definition, "RANGE"), type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: tableKey,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of definition.GlobalSecondaryIndexes ?? []) {
      const hash = gsi.KeySchema?.find((k) => k.KeyType === "HASH")?.AttributeName;
      const range = gsi.KeySchema?.find((k) => k.KeyType === "RANGE")?.AttributeName;
      if (!gsi.IndexName || !hash || !range || gsi.Projection?.ProjectionType !== "ALL") {
        throw new Error(`tableDefinition(): index ${gsi.IndexName} is not a string-keyed ALL-projection index this stack knows how to declare`);
      }
      table.addGlobalSecondaryIndex({
        indexName: gsi.IndexName,
        partitionKey: { name: hash, type: dynamodb.AttributeType.STRING },
        sortKey: { name: range, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }

  /** signing-keys.json as a layer: /opt/donum/keys/signing-keys.json (DONUM_DATA_DIR=/opt/donum). */
  private keyStateLayer(file: string): lambda.LayerVersion {
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof json !== "object" || json === null || (json as { version?: unknown }).version !== 1) {
      throw new Error(`${file} is not a signing-key state (version 1; see ADR 0006)`);
    }
    const dir = mkdtempSync(join(tmpdir(), "donum-key-state-"));
    mkdirSync(join(dir, "donum", "keys"), { recursive: true });
    writeFileSync(join(dir, "donum", "keys", "signing-keys.json"), `${JSON.stringify(json, null, 2)}\n`);
    return new lambda.LayerVersion(this, "SigningKeyState", {
      description: "Donum: published signing-key state (ADR 0006)",
      code: lambda.Code.fromAsset(dir),
      compatibleRuntimes: [LAMBDA_RUNTIME],
    });
  }
}

function keyName(definition: ReturnType<typeof tableDefinition>, type: "HASH" | "RANGE"): string {
  const name = definition.KeySchema?.find((k) => k.KeyType === type)?.AttributeName;
  if (!name) throw new Error(`tableDefinition() has no ${type} key`);
  return name;
}
