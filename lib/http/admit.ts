/**
 * The first step of every API route wrapper (withSession, withNode, withFrontDoor): the container,
 * for a request that came through the front door (lib/http/front-door.ts); otherwise the
 * response to send. A container that failed to start (bad store, unreadable keys) is a generic
 * 500 with a correlation id.
 */
import { createLogger } from "../log";
import { getContainer, type Container } from "../server/container";
import { frontDoorRefusal } from "./front-door";
import { problemResponse } from "./problem";

export type Admission = { container: Container; refusal?: undefined } | { refusal: Response };

export async function admit(request: Request): Promise<Admission> {
  let container: Container;
  try {
    container = await getContainer();
  } catch (error) {
    return { refusal: problemResponse(error, createLogger("error"), new URL(request.url).pathname) };
  }
  const refusal = frontDoorRefusal(request, container.config.originSecret, container.log);
  return refusal ? { refusal } : { container };
}
