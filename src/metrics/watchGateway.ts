import { type Client, Events } from "discord.js";
import type { Readiness } from "../http/readiness.js";
import type { Metrics } from "./metrics.js";

/**
 * The gateway connection as readiness and metrics see it: not ready while reconnecting, ready again once the session
 * resumed or a new one is ready. The first ready is set by the caller once login finished.
 */
export function watchGateway(client: Client, { readiness, metrics }: { readiness: Readiness; metrics: Metrics }): void {
  client.on(Events.ShardReconnecting, () => {
    readiness.set("gateway", false);
    metrics.gatewayReconnecting();
  });
  client.on(Events.ShardDisconnect, () => readiness.set("gateway", false));
  client.on(Events.ShardResume, () => {
    readiness.set("gateway", true);
    metrics.gatewayResumed();
  });
  client.on(Events.ShardReady, () => {
    if (client.isReady()) readiness.set("gateway", true);
  });
}
