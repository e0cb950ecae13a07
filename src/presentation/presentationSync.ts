/**
 * Keeps the audience and presenter windows on the same step. Each window posts
 * {type: "step", id} on its own navigation and follows the other's messages; a
 * received step is applied without being posted again, so the two never echo.
 * A presenter window that opens posts {type: "hello"}, and the audience answers with
 * its step: a step posted while the presenter window was still loading is not lost.
 * Messages come from any same-origin page, so they are validated: anything else is ignored.
 */

export const CHANNEL_NAME = "exodus-presentation";

export interface StepMessage {
  type: "step";
  id: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+){0,8}$/;

/** The message if it is a well-formed step message, else null. */
export function parseStepMessage(data: unknown): StepMessage | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  const { type, id } = data as Record<string, unknown>;
  if (type !== "step" || typeof id !== "string" || id.length > 64 || !ID.test(id)) return null;
  return { type: "step", id };
}

const isHello = (data: unknown): boolean =>
  typeof data === "object" && data !== null && (data as Record<string, unknown>)["type"] === "hello";

export interface StepChannel {
  post: (id: string) => void;
  /** Asks the other window for its step (a presenter window, as it opens). */
  hello: () => void;
  close: () => void;
}

/**
 * Opens the channel; `onStep` gets each valid step from another window, `onHello` each
 * request for this window's step. No-op where BroadcastChannel is missing.
 */
export function openStepChannel(onStep: (id: string) => void, onHello: () => void = () => {}): StepChannel {
  if (typeof BroadcastChannel === "undefined") return { post: () => {}, hello: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (e: MessageEvent) => {
    const msg = parseStepMessage(e.data);
    if (msg) onStep(msg.id);
    else if (isHello(e.data)) onHello();
  };
  return {
    post: (id) => channel.postMessage({ type: "step", id } satisfies StepMessage),
    hello: () => channel.postMessage({ type: "hello" }),
    close: () => channel.close(),
  };
}
