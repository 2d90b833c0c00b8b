/** What use cases need from the outside world: stores, a clock and fresh ids. */
import { randomUUID } from "node:crypto";
import type { Actor } from "../audit/events";
import { AppError } from "../errors";
import type { Stores } from "../store/ports";

export interface UseCaseDeps {
  stores: Stores;
  now: () => Date;
  newId: () => string;
}

export function defaultDeps(stores: Stores): UseCaseDeps {
  return { stores, now: () => new Date(), newId: randomUUID };
}

export type SubjectActor = Extract<Actor, { kind: "subject" }>;

/**
 * A citizen acts on their own consent only. The subject is taken from the authenticated
 * actor, never from the request, so one citizen cannot name another's records.
 */
export function requireSubject(actor: Actor): SubjectActor {
  if (actor.kind !== "subject") throw new AppError("FORBIDDEN", "Only the citizen concerned can change or read their consent");
  return actor;
}
