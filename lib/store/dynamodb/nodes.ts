/**
 * Imaging nodes: PK=NODE#<id>, SK=NODE, one partition each (a node is read on every request it
 * makes). They are listed through GSI1 under the single key NODES: a few hundred items, read by
 * operator pages only, where an index lagging by a moment is acceptable.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { AuditEvent } from "../../audit/events";
import { AppError } from "../../errors";
import type { ImagingNode } from "../../nodes/node";
import type { NodeStore } from "../ports";
import { auditPut } from "./audit";
import { bodyOf, queryAll, type Db, type Item } from "./db";
import { auditIdTaken, failedAt, transactWrite, versionedPut } from "./errors";
import { INDEX, keys } from "./table";

function nodeItem(node: ImagingNode): Item {
  return {
    ...keys.node(node.id),
    version: node.version,
    body: JSON.stringify(node),
    GSI1PK: keys.nodeList,
    GSI1SK: node.id,
  };
}

export class DynamoNodeStore implements NodeStore {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<ImagingNode | null> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.table, Key: keys.node(id), ConsistentRead: true }));
    return out.Item ? bodyOf<ImagingNode>(out.Item) : null;
  }

  async list(): Promise<ImagingNode[]> {
    const items = await queryAll(this.db, {
      IndexName: INDEX.bySubject,
      KeyConditionExpression: "GSI1PK = :nodes",
      ExpressionAttributeValues: { ":nodes": keys.nodeList },
    });
    return items.map((item) => bodyOf<ImagingNode>(item));
  }

  async create(node: ImagingNode, audit: AuditEvent): Promise<void> {
    const result = await transactWrite(this.db, [
      { Put: { TableName: this.db.table, Item: nodeItem(node), ConditionExpression: "attribute_not_exists(PK)" } },
      auditPut(this.db, audit),
    ]);
    if (result.ok) return;
    if (failedAt(result.failed, 0)) throw new AppError("NODE_EXISTS");
    throw auditIdTaken();
  }

  async update(node: ImagingNode, expectedVersion: number, audit: AuditEvent): Promise<void> {
    const result = await transactWrite(this.db, [
      versionedPut(this.db, nodeItem(node), expectedVersion),
      auditPut(this.db, audit),
    ]);
    if (result.ok) return;
    const nodeFailure = failedAt(result.failed, 0);
    if (nodeFailure) throw new AppError(nodeFailure.old ? "CONFLICT" : "NODE_NOT_FOUND");
    throw auditIdTaken();
  }
}
