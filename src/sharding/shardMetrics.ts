import { type MetricObjectWithValues, type MetricValue, type Registry } from "prom-client";
import type { Shard } from "discord.js";
import { z } from "zod";

/** The managing process asks each shard process for its metrics over the IPC channel ShardingManager opened. */
const MetricsRequest = z.object({ kind: z.literal("metrics-request"), id: z.number() });
const MetricsReply = z.object({ kind: z.literal("metrics"), id: z.number(), metrics: z.array(z.unknown()) });

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** In a shard process: answers the manager's metrics requests with this process's registry, as JSON. */
export function answerMetricsRequests(registry: Registry): void {
  process.on("message", (message: unknown) => {
    const request = MetricsRequest.safeParse(message);
    if (!request.success || !process.send) return;
    void registry
      .getMetricsAsJSON()
      .then((metrics) => process.send?.({ kind: "metrics", id: request.data.id, metrics }))
      .catch(() => undefined);
  });
}

let nextRequestId = 0;

/**
 * In the managing process: every shard's metrics, as prom-client's AggregatorRegistry expects them. A shard that does
 * not answer within `timeoutMs` (starting, restarting) is left out rather than holding /metrics up.
 */
export async function collectShardMetrics(shards: Iterable<Shard>, timeoutMs: number): Promise<MetricsJson[]> {
  const replies = [...shards].map((shard) => askShard(shard, timeoutMs));
  return (await Promise.all(replies)).filter((metrics): metrics is MetricsJson => metrics !== undefined);
}

function askShard(shard: Shard, timeoutMs: number): Promise<MetricsJson | undefined> {
  const id = (nextRequestId += 1);
  return new Promise((resolve) => {
    const finish = (metrics: MetricsJson | undefined) => {
      clearTimeout(timer);
      shard.off("message", onMessage);
      resolve(metrics);
    };
    const onMessage = (message: unknown) => {
      const reply = MetricsReply.safeParse(message);
      // The registry's own JSON, produced by prom-client in the shard process: passed on to prom-client as it is.
      if (reply.success && reply.data.id === id) finish(reply.data.metrics as MetricsJson);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    shard.on("message", onMessage);
    shard.send({ kind: "metrics-request", id }).catch(() => finish(undefined));
  });
}
