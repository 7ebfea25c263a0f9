import type { Outcome } from "./commandContext.js";
import type { GateDecision } from "./questionGate.js";
import { renderNotice } from "./render.js";
import type { Responder } from "./responder.js";

/** A short private note as an interaction's response (a stale button, an unknown command); resolves with `outcome`. */
export async function privateNotice(responder: Responder, text: string, outcome: Outcome): Promise<Outcome> {
  await responder.send(renderNotice(text), true);
  return outcome;
}

/** Over the question limit: an interaction must still be answered, so always a short private notice. */
export function limited(responder: Responder, decision: Extract<GateDecision, { allowed: false }>): Promise<Outcome> {
  return privateNotice(responder, decision.notice, "limited");
}
