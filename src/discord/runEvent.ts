import type { Logger } from "../logging/logger.js";
import type { Outcome } from "./commandContext.js";
import { type DeliveryFailure, apologyMayHelp, deliveryFailure } from "./delivery.js";

/** The fields of an event's one log line; `command` may be learnt while handling (a mention's answer names it). */
export interface EventFields {
  eventId: string;
  kind: string;
  command: string;
  place: "guild" | "dm";
  /** A follow-up's earlier questions read back from Discord (only when the question needed them). */
  turns?: number;
}

export interface EventHandling {
  /** What the log lines call the event: "interaction" or "message". */
  noun: string;
  fields: EventFields;
  /** Does the work and says how it ended. */
  handle(): Promise<Outcome>;
  /** The short apology after a failure, when one can still get through. */
  apologise(): Promise<void>;
  /** The route of the response in flight, for a delivery failure that does not say it (a timeout). */
  route(): string;
  /** Runs last, whatever happened (e.g. stop a defer timer). */
  cleanUp?(): void;
  /** Told how the event ended, after its log line (metrics). */
  observe?: EventObserver | undefined;
}

/** How one event ended, as its log line says it. */
export interface EventReport {
  fields: EventFields;
  outcome: Outcome;
  latencyMs: number;
  /** Why the response could not be delivered, when that is how it ended. */
  undelivered?: DeliveryFailure;
}
export type EventObserver = (report: EventReport) => void;

/**
 * The one wrapper around every event the bot handles, interactions and messages alike: times it, classifies a failure
 * (Discord refused or never received the response, or a bug), apologises when that can help, and writes one log line.
 * Never throws.
 */
export async function runEvent(logger: Logger, event: EventHandling): Promise<void> {
  const started = performance.now();
  let outcome: Outcome = "error";
  let failure: unknown;
  let undelivered: ReturnType<typeof deliveryFailure>;
  try {
    outcome = await event.handle();
  } catch (error) {
    failure = error;
    undelivered = deliveryFailure(error, event.route());
    if (!undelivered || apologyMayHelp(undelivered)) {
      await event
        .apologise()
        .catch((apologyError: unknown) =>
          logger.warn({ ...event.fields, err: apologyError }, "could not send the apology"),
        );
    }
  } finally {
    event.cleanUp?.();
  }
  const line = { ...event.fields, outcome, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  if (failure === undefined) logger.info(line, `${event.noun} handled`);
  else if (undelivered) logger.warn({ ...line, outcome: "undelivered", ...undelivered }, "reply not delivered");
  else logger.error({ ...line, err: failure }, `${event.noun} handler failed`);
  event.observe?.({
    fields: event.fields,
    outcome: undelivered ? "undelivered" : line.outcome,
    latencyMs: line.latencyMs,
    ...(undelivered ? { undelivered } : {}),
  });
}
