import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Outcome } from "../discord/commandContext.js";
import type { EventReport } from "../discord/runEvent.js";

/** What the answers counter calls an outcome: the four the operator cares about, plus events that asked nothing. */
export type AnswerResult = "answered" | "refused" | "rate-limited" | "failed" | "ignored";

const RESULT_OF_OUTCOME: Readonly<Record<Outcome, AnswerResult>> = Object.freeze({
  answered: "answered",
  help: "answered",
  abstained: "refused",
  stale: "refused",
  limited: "rate-limited",
  undelivered: "failed",
  error: "failed",
  ignored: "ignored",
});

/** Seconds: most answers take milliseconds; the top buckets show deferrals and Discord's 3-second window. */
const LATENCY_BUCKETS = Object.freeze([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10]);

/**
 * The bot's Prometheus metrics, in a registry of their own (no global state, so tests and shards each get theirs):
 * prom-client's default process metrics plus what the bot does.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <Label extends string>(name: string, help: string, label: Label) =>
    new Counter({ name, help, labelNames: [label], registers });
  const answers = new Counter({
    name: "bot_answers_total",
    help: "Events handled, by command, surface (slash, context-menu, autocomplete, button, mention, dm) and outcome",
    labelNames: ["command", "surface", "outcome"] as const,
    registers,
  });
  const latency = new Histogram({
    name: "bot_answer_latency_seconds",
    help: "Time from receiving an event to its response being accepted, by surface",
    labelNames: ["surface"] as const,
    buckets: [...LATENCY_BUCKETS],
    registers,
  });
  const deliveryFailures = counter(
    "bot_delivery_failures_total",
    "Responses Discord refused or never received, by reason (HTTP status, timeout, rate-limited, network)",
    "reason",
  );
  const gatewayEvents = counter(
    "bot_gateway_events_total",
    "Gateway connection events: reconnecting, resumed",
    "event",
  );
  const reloads = counter(
    "bot_knowledge_reloads_total",
    "Knowledge reloads after a change to the folder, by result (swapped, refused)",
    "result",
  );
  const articles = new Gauge({ name: "bot_articles_loaded", help: "Articles in the served knowledge", registers });
  const sentences = new Gauge({ name: "bot_sentences_loaded", help: "Sentences in the served knowledge", registers });

  return {
    registry,
    /** The router's and the message handler's observer: one count and one latency per event. */
    observeEvent(report: EventReport): void {
      const surface = report.fields.kind;
      answers.inc({ command: report.fields.command, surface, outcome: RESULT_OF_OUTCOME[report.outcome] });
      latency.observe({ surface }, report.latencyMs / 1_000);
      if (report.undelivered) deliveryFailures.inc({ reason: String(report.undelivered.status) });
    },
    gatewayReconnecting: () => gatewayEvents.inc({ event: "reconnecting" }),
    gatewayResumed: () => gatewayEvents.inc({ event: "resumed" }),
    knowledgeReloaded: (result: "swapped" | "refused") => reloads.inc({ result }),
    knowledgeLoaded(counts: { articles: number; sentences: number }): void {
      articles.set(counts.articles);
      sentences.set(counts.sentences);
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
