/**
 * The fake Discord's gateway when the bot runs several shards (one WebSocket connection each, as discord.js's
 * ShardingManager opens them from separate processes). A connection says which shard it is in IDENTIFY
 * (`shard: [id, count]`); it then gets READY listing only its guilds, by Discord's formula
 * `shard_id = (guild_id >> 22) % shard_count`, and one GUILD_CREATE for each. Dispatches go to the shard of their
 * guild, and DMs to shard 0, as Discord sends them. Sessions are not resumable here: a RESUME gets op 9.
 */
import { GatewayDispatchEvents, GatewayOpcodes } from "discord-api-types/v10";
import { WebSocket } from "ws";

/** Discord's formula: which shard receives a guild's events. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A frame the client sent, or undefined after closing the connection with 4002 as Discord does for bad JSON. */
export function parseGatewayFrame(socket: WebSocket, raw: string): { op?: unknown; d?: unknown } | undefined {
  try {
    return JSON.parse(raw) as { op?: unknown; d?: unknown };
  } catch {
    socket.close(4002, "Error while decoding payload.");
    return undefined;
  }
}

/** Discord's close code for an IDENTIFY whose shard does not fit the shard count it expects. */
const INVALID_SHARD = 4010;

export interface ShardedGatewayOptions {
  shardCount: number;
  guilds: readonly string[];
  heartbeatIntervalMs: number;
  /** READY's data for a shard and its guilds (the fake's bot user, application and session). */
  readyData(shard: [number, number], guilds: readonly string[]): unknown;
  /** GUILD_CREATE's data for a guild. */
  guildCreate(guildId: string): unknown;
  /** Called after every frame received, so waiters re-check their conditions. */
  onChange(): void;
}

interface ShardConnection {
  socket: WebSocket;
  sequence: number;
}

export class ShardedGateway {
  /** `[id, count]` of every IDENTIFY, in order. */
  readonly identified: [number, number][] = [];
  /** Which shard each dispatch went to, in order. */
  readonly routed: { event: string; shard: number }[] = [];
  private readonly shards = new Map<number, ShardConnection>();

  constructor(private readonly options: ShardedGatewayOptions) {}

  /** True once every shard has identified on an open connection. */
  get allReady(): boolean {
    for (let shard = 0; shard < this.options.shardCount; shard += 1)
      if (this.shards.get(shard)?.socket.readyState !== WebSocket.OPEN) return false;
    return true;
  }

  accept(socket: WebSocket): void {
    socket.on("message", (raw) => {
      this.onMessage(socket, raw.toString());
      this.options.onChange();
    });
    socket.on("close", () => this.options.onChange());
    this.send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  /** Sends a dispatch to the shard its guild belongs to (shard 0 without a guild); throws when that shard is down. */
  dispatch(event: string, data: unknown): void {
    const guildId = typeof data === "object" && data !== null && "guild_id" in data ? data.guild_id : undefined;
    const shard = typeof guildId === "string" ? shardOfGuild(guildId, this.options.shardCount) : 0;
    const connection = this.shards.get(shard);
    if (connection?.socket.readyState !== WebSocket.OPEN)
      throw new Error(`fake Discord: shard ${shard} is not connected`);
    this.routed.push({ event, shard });
    this.send(connection.socket, { op: GatewayOpcodes.Dispatch, t: event, s: ++connection.sequence, d: data });
  }

  private onMessage(socket: WebSocket, raw: string): void {
    const payload = parseGatewayFrame(socket, raw);
    if (!payload) return;
    if (payload.op === GatewayOpcodes.Heartbeat) this.send(socket, { op: GatewayOpcodes.HeartbeatAck, d: null });
    if (payload.op === GatewayOpcodes.Resume) this.send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
    if (payload.op === GatewayOpcodes.Identify) this.identify(socket, payload.d);
  }

  private identify(socket: WebSocket, data: unknown): void {
    const shard = typeof data === "object" && data !== null && "shard" in data ? data.shard : undefined;
    const [id, count] = Array.isArray(shard) ? shard : [0, 1];
    if (typeof id !== "number" || count !== this.options.shardCount || id < 0 || id >= count) {
      socket.close(INVALID_SHARD, "Invalid shard.");
      return;
    }
    this.identified.push([id, count]);
    const connection: ShardConnection = { socket, sequence: 0 };
    this.shards.set(id, connection);
    const guilds = this.options.guilds.filter((guild) => shardOfGuild(guild, count) === id);
    const dispatch = (t: string, d: unknown) =>
      this.send(socket, { op: GatewayOpcodes.Dispatch, t, s: ++connection.sequence, d });
    dispatch(GatewayDispatchEvents.Ready, this.options.readyData([id, count], guilds));
    for (const guild of guilds) dispatch(GatewayDispatchEvents.GuildCreate, this.options.guildCreate(guild));
  }

  private send(socket: WebSocket, frame: { op: number; d: unknown; t?: string; s?: number }): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ t: null, s: null, ...frame }));
  }
}
