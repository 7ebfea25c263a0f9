/**
 * A fake Discord on 127.0.0.1: the REST API and the Gateway (WebSocket) that the real discord.js client talks to
 * when DISCORD_API_URL points here. It records every REST call and gateway payload so tests assert on what the
 * bot really sent, and it has hooks to inject faults (REST status/delay per route, gateway close/terminate/ops).
 *
 * Protocol details follow discord.js 14 / @discordjs/ws 1.x / @discordjs/rest 2.x as read from their source:
 * - REST URLs are `${api}/v10${route}`; `GET /gateway/bot` gives the WebSocket URL.
 * - The shard connects to `${url}?v=10&encoding=json` (no `compress` unless zlib-sync is installed).
 * - HELLO (op 10) → IDENTIFY (op 2) → READY (needs user, application, guilds, session_id, resume_gateway_url),
 *   then one GUILD_CREATE per unavailable guild listed in READY before discord.js emits clientReady.
 * - Heartbeat (op 1) → ACK (op 11); RESUME (op 6) → the missed dispatches (sequence > the client's) replayed in
 *   order, then RESUMED; or INVALID_SESSION (op 9) for an unknown session.
 * - Interactions: one initial response each (a second gets 400, code 40060 "already acknowledged"), and only within
 *   the interaction window after dispatch (3 s; later gets 404, code 10062 "Unknown interaction"), as Discord does.
 * - A request the client aborted (its REST timeout) while a delay fault held it is recorded with status 499 and not
 *   processed, as if it never reached Discord.
 * - Discord's limits on what it accepts (messageLimits.ts): a message body over a limit gets 400 code 50035, and a
 *   bot route (anything but interaction callbacks and interaction webhooks) without `Authorization: Bot <token>` 401.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type APIAttachment,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
  type ThreadChannelType,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  ChannelType,
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  MessageFlags,
  MessageType,
} from "discord-api-types/v10";
import { WebSocket, WebSocketServer } from "ws";
import { BOT_USERNAME, IDS, nextSnowflake } from "./ids.js";
import { choiceProblems, messageProblems, modalProblems, refusal } from "./messageLimits.js";
import type { InteractionSigner } from "./interactionSigner.js";
import { messageDefaults, SELF } from "./payloads.js";
import {
  historyPage,
  historyQueryProblems,
  markedAsStarter,
  threadOnMessage,
  threadRequestProblems,
  withheldContent,
} from "./channelMessages.js";
import { ShardedGateway, parseGatewayFrame } from "./shardedGateway.js";

// ---------------------------------------------------------------- recorded traffic

export interface RestCall {
  method: string;
  /** The route without `/api` and `/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** The Authorization header as sent (tests of secrecy need it); undefined for interaction/webhook calls. */
  authorization: string | undefined;
  /** HTTP status the fake answered with. */
  status: number;
  /** The body the fake answered with (Discord's error, for a refusal). */
  response?: unknown;
  at: number;
}

export interface GatewayFrame {
  direction: "in" | "out";
  op: number;
  t?: string | null;
  d: unknown;
  at: number;
}

// ---------------------------------------------------------------- fault injection

export interface RestFault {
  method?: string;
  /** Matches the normalised route (string = exact, RegExp = test). */
  path: string | RegExp;
  /** Wait this long before answering (or before failing, when status is set). */
  delayMs?: number;
  /** Answer with this status instead of the normal response. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many requests this fault applies to; default 1; Infinity for all. */
  times?: number;
}

export interface FakeDiscordOptions {
  heartbeatIntervalMs?: number;
  /** Answer heartbeats with op 11 (turn off to simulate a zombie connection). */
  ackHeartbeats?: boolean;
  /** Discord's window for an interaction's initial response, from dispatch (default 3,000 ms; Infinity = no limit). */
  interactionWindowMs?: number;
  /** Keep every REST call and gateway frame in `calls`/`frames` (default true; the soak turns it off and uses onCall). */
  record?: boolean;
  /** At most this many stored messages, interactions and resumable dispatches (default unbounded; the soak bounds it). */
  storeLimit?: number;
  /** The bot token bot routes must carry as `Authorization: Bot <token>`; without it, any `Bot …` header passes. */
  token?: string;
  /**
   * Run a sharded gateway (see shardedGateway.ts) expecting this many shards, with these guilds spread over them
   * by Discord's formula. Default: one unsharded connection and the one guild IDS.guild.
   */
  sharding?: { shardCount: number; guilds: readonly string[] };
  /**
   * Whether the application has its privileged intents (Message Content, Server Members, Presence) switched on in the
   * developer portal (default true). When false, an IDENTIFY asking for one is closed with 4014, as Discord does.
   */
  privilegedIntents?: boolean;
}

/** Server Members (1 << 1), Presence (1 << 8) and Message Content (1 << 15): the portal must switch these on. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

/** A Map that forgets its oldest entries beyond a size limit. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    super.set(key, value);
    while (this.size > this.limit) {
      const oldest = this.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    return this;
  }
}

interface InteractionState {
  dispatchedAt: number;
  acknowledged: boolean;
}

interface SentDispatch {
  s: number;
  t: string;
  d: unknown;
}

/** Status recorded for a request the client gave up on before the fake answered. */
export const CLIENT_CLOSED_REQUEST = 499;

interface StoredMessage {
  message: APIMessage;
}

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  readonly frames: GatewayFrame[] = [];
  /** Query strings of every gateway connection, e.g. `v=10&encoding=json`. */
  readonly gatewayConnections: string[] = [];
  readonly identifies: unknown[] = [];
  readonly resumes: unknown[] = [];
  /** Close codes of gateway connections the client closed (1000 = a clean shutdown). */
  readonly gatewayCloses: number[] = [];
  ackHeartbeats: boolean;
  heartbeatIntervalMs: number;
  interactionWindowMs: number;
  /** Dispatches replayed to the client on RESUME, over the whole run. */
  replayed = 0;

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private ready = false;
  private sequence = 0;
  private sessionId = "";
  private readonly faults: (RestFault & { remaining: number })[] = [];
  private readonly messagesByToken: Map<string, StoredMessage>;
  private readonly messagesById: Map<string, StoredMessage>;
  private readonly waiters = new Set<() => void>();
  /** Interaction token → channel id, learnt from dispatched INTERACTION_CREATE payloads. */
  private readonly interactionChannels: Map<string, string>;
  /** Interaction id → when it was dispatched and whether it has had its initial response. */
  private readonly interactions: Map<string, InteractionState>;
  /** Threads started on messages, by id (a thread takes its starter message's id). */
  private readonly threads = new Map<string, APIThreadChannel<ThreadChannelType>>();
  /** Files people attached, by path, served like Discord's CDN serves attachment URLs. */
  private readonly attachmentFiles = new Map<string, Uint8Array>();
  /** Dispatches of the current session, for replay on RESUME. */
  private backlog: SentDispatch[] = [];
  private readonly callListeners = new Set<(call: RestCall) => void>();
  private readonly record: boolean;
  private readonly storeLimit: number;
  private readonly token: string | undefined;
  private readonly privilegedIntents: boolean;
  private port = 0;
  /** The sharded gateway, when the fake was started with `sharding`. */
  readonly sharded: ShardedGateway | undefined;
  /** What `GET /gateway/bot` recommends. */
  private readonly shardCount: number;

  private constructor(options: FakeDiscordOptions) {
    this.ackHeartbeats = options.ackHeartbeats ?? true;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.interactionWindowMs = options.interactionWindowMs ?? 3_000;
    this.record = options.record ?? true;
    this.storeLimit = options.storeLimit ?? Number.POSITIVE_INFINITY;
    this.token = options.token;
    this.privilegedIntents = options.privilegedIntents ?? true;
    this.messagesByToken = new BoundedMap(this.storeLimit);
    this.messagesById = new BoundedMap(this.storeLimit);
    this.interactionChannels = new BoundedMap(this.storeLimit);
    this.interactions = new BoundedMap(this.storeLimit);
    this.server = createServer((request, response) => void this.onRequest(request, response));
    this.wss = new WebSocketServer({ server: this.server });
    this.shardCount = options.sharding?.shardCount ?? 1;
    this.sharded = options.sharding
      ? new ShardedGateway({
          ...options.sharding,
          heartbeatIntervalMs: this.heartbeatIntervalMs,
          readyData: (shard, guilds) => this.readyData(shard, guilds),
          guildCreate: (guildId) => ({ ...guildCreatePayload([]), id: guildId }),
          onChange: () => this.notify(),
        })
      : undefined;
    this.wss.on("connection", (socket, request) =>
      this.sharded ? this.sharded.accept(socket) : this.onConnection(socket, request),
    );
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The value for DISCORD_API_URL. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Hosts a file as Discord hosts an attachment, and returns the attachment object an interaction carries for it.
   * `size` is what Discord reports, which a test may set apart from the bytes served.
   */
  hostAttachment(filename: string, bytes: Uint8Array | string, size?: number): APIAttachment {
    const id = nextSnowflake();
    const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    const path = `/attachments/${IDS.guildChannel}/${id}/${encodeURIComponent(filename)}`;
    this.attachmentFiles.set(path, data);
    const url = `${this.url}${path}`;
    return { id, filename, size: size ?? data.length, url, proxy_url: url };
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get isGatewayReady(): boolean {
    return this.ready && this.socket?.readyState === WebSocket.OPEN;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ------------------------------------------------------------ REST faults

  /** Injects a fault; returns a function that removes it. */
  injectFault(fault: RestFault): () => void {
    const entry = { ...fault, remaining: fault.times ?? 1 };
    this.faults.push(entry);
    return () => {
      const index = this.faults.indexOf(entry);
      if (index >= 0) this.faults.splice(index, 1);
    };
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  // ------------------------------------------------------------ waiting for traffic

  /** Resolves with the first recorded REST call (from `since` on) matching the predicate. */
  async waitForCall(
    predicate: (call: RestCall) => boolean,
    options: { timeoutMs?: number; since?: number } = {},
  ): Promise<RestCall> {
    const since = options.since ?? 0;
    return this.waitFor(() => this.calls.slice(since).find(predicate), options.timeoutMs ?? 5_000, "REST call");
  }

  /** Resolves with the calls matching the predicate after waiting `quietMs` with no new call (for "no reply" checks). */
  async settle(quietMs = 300): Promise<void> {
    let count = -1;
    while (count !== this.calls.length) {
      count = this.calls.length;
      await sleep(quietMs);
    }
  }

  callsMatching(predicate: (call: RestCall) => boolean, since = 0): RestCall[] {
    return this.calls.slice(since).filter(predicate);
  }

  private async waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = probe();
    if (found !== undefined) return found;
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  // ------------------------------------------------------------ gateway controls

  async waitForGatewayReady(timeoutMs = 10_000): Promise<void> {
    const ready = () => (this.sharded ? this.sharded.allReady : this.isGatewayReady);
    await this.waitFor(() => (ready() ? true : undefined), timeoutMs, "gateway READY");
  }

  /** Sends a dispatch (op 0) with the next sequence number; waits for a ready connection first. */
  async dispatch(event: string, data: unknown): Promise<void> {
    await this.waitForGatewayReady();
    if (this.sharded) {
      if (event === GatewayDispatchEvents.InteractionCreate) this.trackInteraction(data);
      this.sharded.dispatch(event, this.posted(event, data));
      return;
    }
    this.dispatchNow(event, data);
  }

  /**
   * A person's message, as Discord keeps it (readable later through GET /channels/:id/messages) and as it reaches
   * the bot: its content withheld unless the bot may read it (see withheldContent).
   */
  private posted(event: string, data: unknown): unknown {
    if (event !== GatewayDispatchEvents.MessageCreate || !isMessage(data)) return data;
    const { referenced_message: referenced, ...kept } = data;
    this.messagesById.set(data.id, { message: kept });
    // Discord nests one level only: the replied message comes without the message it replied to.
    const oneLevel = referenced ? { ...kept, referenced_message: withoutReference(referenced) } : kept;
    return withheldContent(oneLevel, this.intents, DM_CHANNELS);
  }

  /** The intents the bot identified with (its last IDENTIFY). */
  get intents(): number {
    const identify = this.identifies.at(-1);
    return typeof identify === "object" &&
      identify !== null &&
      "intents" in identify &&
      typeof identify.intents === "number"
      ? identify.intents
      : 0;
  }

  /** A message as Discord would return it to the bot now (content withheld as for GET), or undefined. */
  storedMessage(id: string): APIMessage | undefined {
    const stored = this.messagesById.get(id)?.message;
    return stored ? this.readable(stored) : undefined;
  }

  /** A stored message as the bot reads it: with the message it replies to, and content it may not read withheld. */
  private readable(message: APIMessage): APIMessage {
    const referencedId = message.message_reference?.message_id;
    const referenced = referencedId === undefined ? undefined : this.messagesById.get(referencedId)?.message;
    return withheldContent(
      referenced ? { ...message, referenced_message: withoutReference(referenced) } : message,
      this.intents,
      DM_CHANNELS,
    );
  }

  /**
   * Sends a dispatch at once when the connection is ready; otherwise only queues it in the session, the way Discord
   * holds events for a disconnected client: a RESUME replays it, a new IDENTIFY drops it.
   */
  dispatchNow(event: string, data: unknown): void {
    if (event === GatewayDispatchEvents.InteractionCreate) this.trackInteraction(data);
    const entry: SentDispatch = { s: ++this.sequence, t: event, d: this.posted(event, data) };
    this.backlog.push(entry);
    if (this.backlog.length > Math.min(this.storeLimit, 10_000)) this.backlog.shift();
    if (this.isGatewayReady) this.sendFrame({ op: GatewayOpcodes.Dispatch, t: entry.t, s: entry.s, d: entry.d });
  }

  /**
   * Delivers an interaction to the bot's HTTP interactions endpoint, as Discord does once an Interactions Endpoint URL
   * is set: signed by `signer`, and the initial response read from the HTTP response (a message or deferral is stored,
   * so the bot can edit it over REST afterwards). Resolves with the HTTP status and parsed body.
   */
  async deliverOverHttp(
    endpoint: string,
    payload: { id: string; token: string },
    signer: InteractionSigner,
  ): Promise<{ status: number; body: unknown }> {
    this.trackInteraction(payload);
    const answer = await signer.post(endpoint, JSON.stringify(payload));
    if (answer.status === 200) {
      const { status, body } = this.interactionCallback(payload.id, payload.token, answer.body, false);
      if (status >= 400) throw new Error(`fake Discord: HTTP initial response refused: ${JSON.stringify(body)}`);
    }
    return answer;
  }

  /** Remembers an interaction sent to the bot: its response window, and its channel (where its messages go). */
  private trackInteraction(data: unknown): void {
    if (typeof data !== "object" || data === null) return;
    if ("id" in data) this.interactions.set(String(data.id), { dispatchedAt: Date.now(), acknowledged: false });
    const channel = "channel" in data ? data.channel : undefined;
    if ("token" in data && typeof channel === "object" && channel !== null && "id" in channel)
      this.interactionChannels.set(String(data.token), String(channel.id));
  }

  /** Calls the listener with every REST call as it is answered (also when `record` is off). Returns an unsubscribe. */
  onCall(listener: (call: RestCall) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /**
   * Sends any raw gateway payload (op 7 reconnect, op 9 invalid session, …). As Discord does, nothing more is
   * dispatched on this connection after op 7 or op 9 (events wait for a RESUME), and op 9 with `d: false` ends the
   * session: a RESUME is refused and the events held for it are dropped.
   */
  sendRaw(payload: { op: number; d?: unknown; t?: string | null; s?: number | null }): void {
    this.sendFrame({ t: null, s: null, d: null, ...payload });
    if (payload.op === GatewayOpcodes.Reconnect || payload.op === GatewayOpcodes.InvalidSession) this.ready = false;
    if (payload.op === GatewayOpcodes.InvalidSession && payload.d !== true) this.forgetSession();
  }

  /** Discord forgets the session (as after a long outage): the next RESUME gets op 9 and the client must IDENTIFY. */
  forgetSession(): void {
    this.sessionId = "";
    this.backlog = [];
  }

  /** Closes the gateway connection with a close code (e.g. 4000); the client decides whether to resume. */
  closeGateway(code = 4000, reason = "fake Discord closed the connection"): void {
    this.ready = false;
    this.socket?.close(code, reason);
  }

  /** Drops the TCP connection without a close frame: the client sees 1006 (abnormal closure). */
  terminateGateway(): void {
    this.ready = false;
    this.socket?.terminate();
  }

  // ------------------------------------------------------------ messages the bot sent

  /** The interaction's original response message, after a reply or an edit of a deferred reply. */
  originalMessage(interactionToken: string): APIMessage | undefined {
    return this.messagesByToken.get(interactionToken)?.message;
  }

  /** Puts a message into the fake's store (e.g. a message a component interaction refers to). */
  storeMessage(message: APIMessage): void {
    this.messagesById.set(message.id, { message });
  }

  // ------------------------------------------------------------ gateway internals

  private sendFrame(payload: { op: number; d: unknown; t: string | null; s: number | null }): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) throw new Error("fake Discord: no open gateway connection");
    if (this.record) this.frames.push({ direction: "out", op: payload.op, t: payload.t, d: payload.d, at: Date.now() });
    socket.send(JSON.stringify(payload));
  }

  /** Connections waiting for HELLO while `holdHello` holds them back. */
  private heldHellos: WebSocket[] | undefined;

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.terminate();
    this.socket = socket;
    this.ready = false;
    this.gatewayConnections.push(new URL(request.url ?? "/", this.gatewayUrl).search.replace(/^\?/, ""));
    socket.on("message", (raw) => this.onGatewayMessage(socket, raw.toString()));
    socket.on("close", (code) => {
      this.gatewayCloses.push(code);
      if (this.socket === socket) this.ready = false;
      this.notify();
    });
    if (this.heldHellos) this.heldHellos.push(socket);
    else this.sendHello();
  }

  private sendHello(): void {
    this.sendFrame({ op: GatewayOpcodes.Hello, t: null, s: null, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  /**
   * Holds back HELLO on new gateway connections, as a slow or unreachable gateway would, so that a client stays
   * connecting (or reconnecting) until the returned function releases it.
   */
  holdHello(): () => void {
    this.heldHellos ??= [];
    return () => {
      const held = this.heldHellos ?? [];
      this.heldHellos = undefined;
      if (held.some((socket) => socket === this.socket && socket.readyState === WebSocket.OPEN)) this.sendHello();
    };
  }

  private onGatewayMessage(socket: WebSocket, raw: string): void {
    // A frame can still arrive on a connection the fake is closing (a heartbeat racing a close-code
    // fault under load); Discord would not answer it, and replying would throw.
    if (socket !== this.socket || socket.readyState !== WebSocket.OPEN) return;
    const payload = parseGatewayFrame(socket, raw);
    if (!payload) return;
    const op = typeof payload.op === "number" ? payload.op : -1;
    if (this.record) this.frames.push({ direction: "in", op, d: payload.d, at: Date.now() });
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        if (this.ackHeartbeats) this.sendFrame({ op: GatewayOpcodes.HeartbeatAck, t: null, s: null, d: null });
        break;
      case GatewayOpcodes.Identify:
        this.identifies.push(payload.d);
        if (!this.privilegedIntents && (this.intents & PRIVILEGED_INTENTS) !== 0) {
          this.closeGateway(4014, "Disallowed intent(s).");
          break;
        }
        this.onIdentify();
        break;
      case GatewayOpcodes.Resume:
        this.resumes.push(payload.d);
        this.onResume(payload.d);
        break;
      default:
        break;
    }
    this.notify();
  }

  private onIdentify(): void {
    this.sequence = 0;
    this.backlog = [];
    this.sessionId = `session-${nextSnowflake()}`;
    this.sendFrame({
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Ready,
      s: ++this.sequence,
      d: this.readyData([0, 1], [IDS.guild]),
    });
    this.ready = true;
    this.sendFrame({
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.GuildCreate,
      s: ++this.sequence,
      d: guildCreatePayload([...this.threads.values()]),
    });
  }

  /** READY's data: the bot user, its guilds (unavailable until their GUILD_CREATE), the session and the shard. */
  private readyData(shard: [number, number], guilds: readonly string[]) {
    this.sessionId = this.sessionId || `session-${nextSnowflake()}`;
    return {
      v: 10,
      user: { ...SELF, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: this.sessionId,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: IDS.application, flags: 0 },
    };
  }

  private onResume(data: unknown): void {
    const sessionId = typeof data === "object" && data !== null && "session_id" in data ? data.session_id : undefined;
    if (this.sessionId === "" || sessionId !== this.sessionId) {
      this.sendFrame({ op: GatewayOpcodes.InvalidSession, t: null, s: null, d: false });
      return;
    }
    const since =
      typeof data === "object" && data !== null && "seq" in data && typeof data.seq === "number" ? data.seq : 0;
    for (const entry of this.backlog.filter((candidate) => candidate.s > since)) {
      this.replayed += 1;
      this.sendFrame({ op: GatewayOpcodes.Dispatch, t: entry.t, s: entry.s, d: entry.d });
    }
    this.ready = true;
    this.sendFrame({ op: GatewayOpcodes.Dispatch, t: GatewayDispatchEvents.Resumed, s: ++this.sequence, d: {} });
  }

  // ------------------------------------------------------------ REST internals

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    const path = safeDecode(url.pathname)
      .replace(/^\/api/, "")
      .replace(/^\/v\d+/, "");
    const method = (request.method ?? "GET").toUpperCase();
    const text = await readBody(request);
    const body = parseBody(text, request.headers["content-type"]);
    const record = (status: number, answer?: unknown): void => {
      const call: RestCall = {
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        body,
        authorization: request.headers.authorization,
        status,
        ...(answer === undefined ? {} : { response: answer }),
        at: Date.now(),
      };
      if (this.record) this.calls.push(call);
      for (const listener of this.callListeners) listener(call);
      this.notify();
    };
    let clientGone = false;
    response.on("close", () => {
      if (!response.writableFinished) clientGone = true;
    });

    const fault = this.faults.find(
      (entry) =>
        entry.remaining > 0 &&
        (entry.method === undefined || entry.method === method) &&
        (typeof entry.path === "string" ? entry.path === path : entry.path.test(path)),
    );
    if (fault) {
      fault.remaining -= 1;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (clientGone) {
        record(CLIENT_CLOSED_REQUEST);
        return;
      }
      if (fault.status !== undefined) {
        const faultBody = fault.body ?? { message: "fake fault", code: 0 };
        record(fault.status, faultBody);
        send(response, fault.status, faultBody, fault.headers);
        return;
      }
    }

    // Attachment URLs are public (Discord signs them instead), so they are served before the bot-token check.
    const attachment = method === "GET" ? this.attachmentFiles.get(url.pathname) : undefined;
    if (attachment) {
      record(200);
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": attachment.length });
      response.end(attachment);
      return;
    }

    const result = this.authorised(path, request.headers.authorization)
      ? this.route(method, path, url.searchParams, body)
      : { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    record(result.status, result.body);
    send(response, result.status, result.body);
  }

  /** Interaction callbacks and interaction webhooks are authorised by their token in the path; every other route needs the bot token. */
  private authorised(path: string, header: string | undefined): boolean {
    if (/^\/(interactions|webhooks)\//.test(path)) return true;
    return this.token === undefined ? /^Bot \S+$/.test(header ?? "") : header === `Bot ${this.token}`;
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): { status: number; body?: unknown } {
    let match: RegExpExecArray | null;
    const refused =
      method === "POST" || method === "PATCH"
        ? refusal(/\/callback$/.test(path) ? [] : messageProblems(body))
        : undefined;
    if (refused) return refused;
    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.shardCount,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    }
    if (method === "GET" && path === "/gateway") return { status: 200, body: { url: this.gatewayUrl } };

    if (method === "POST" && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      return this.interactionCallback(match[1] ?? "", match[2] ?? "", body, query.get("with_response") === "true");
    }
    if ((match = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path))) {
      const token = match[2] ?? "";
      const messageId = match[3] ?? "";
      const stored = messageId === "@original" ? this.messagesByToken.get(token) : this.messagesById.get(messageId);
      if (!stored) return notFound(10008, "Unknown Message");
      if (method === "GET") return { status: 200, body: stored.message };
      if (method === "PATCH") {
        stored.message = { ...stored.message, ...messageFields(body), edited_timestamp: new Date().toISOString() };
        this.messagesById.set(stored.message.id, stored);
        return { status: 200, body: stored.message };
      }
      if (method === "DELETE") {
        this.messagesById.delete(stored.message.id);
        return { status: 204 };
      }
    }
    if (method === "POST" && (match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path))) {
      const message = this.createMessage(this.interactionChannels.get(match[2] ?? "") ?? IDS.guildChannel, body, {
        webhookId: match[1],
      });
      return { status: 200, body: message };
    }
    if ((match = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "POST") {
      // Discord's answer to a reply carries the replied message, as a read would.
      return { status: 200, body: this.readable(this.createMessage(match[1] ?? "", body, {})) };
    }
    if ((match = /^\/channels\/(\d+)\/typing$/.exec(path)) && method === "POST") return { status: 204 };
    if ((match = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === "GET")
      return this.getMessage(match[1] ?? "", match[2] ?? "");
    if ((match = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === "GET")
      return this.getHistory(match[1] ?? "", query);
    if ((match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path)) && method === "POST")
      return this.startThread(match[1] ?? "", match[2] ?? "", body);
    if (method === "POST" && path === "/users/@me/channels") {
      const recipient =
        typeof body === "object" && body !== null && "recipient_id" in body ? String(body.recipient_id) : IDS.user;
      return {
        status: 200,
        body: {
          id: IDS.dmChannel,
          type: ChannelType.DM,
          last_message_id: null,
          recipients: [{ ...humanUser(), id: recipient }],
        },
      };
    }
    if (method === "PUT" && (match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const commands = Array.isArray(body) ? body : [];
      return {
        status: 200,
        body: commands.map((command: unknown) => ({
          ...(typeof command === "object" && command !== null ? command : {}),
          id: nextSnowflake(),
          application_id: match?.[1],
          ...(match?.[2] ? { guild_id: match[2] } : {}),
          version: nextSnowflake(),
          default_member_permissions: null,
        })),
      };
    }
    if (method === "GET" && path === "/users/@me") return { status: 200, body: SELF };
    return notFound(0, "404: Not Found");
  }

  private knownChannel(channelId: string): boolean {
    return channelId === IDS.guildChannel || DM_CHANNELS.has(channelId) || this.threads.has(channelId);
  }

  private getMessage(channelId: string, messageId: string): { status: number; body?: unknown } {
    if (!this.knownChannel(channelId)) return notFound(10003, "Unknown Channel");
    const stored = this.messagesById.get(messageId)?.message;
    if (!stored || stored.channel_id !== channelId) return notFound(10008, "Unknown Message");
    return { status: 200, body: this.readable(stored) };
  }

  private getHistory(channelId: string, query: URLSearchParams): { status: number; body?: unknown } {
    if (!this.knownChannel(channelId)) return notFound(10003, "Unknown Channel");
    const refused = refusal(historyQueryProblems(query));
    if (refused) return refused;
    const inChannel = [...this.messagesById.values()]
      .map((stored) => stored.message)
      .filter((message) => message.channel_id === channelId);
    return { status: 200, body: historyPage(inChannel, query).map((message) => this.readable(message)) };
  }

  /**
   * Start Thread from Message: a public thread with the message's id, owned by the bot, announced by THREAD_CREATE
   * (`newly_created`) so that discord.js caches it; one thread per message (160004), never in a DM or a thread (50024).
   */
  private startThread(channelId: string, messageId: string, body: unknown): { status: number; body?: unknown } {
    if (DM_CHANNELS.has(channelId) || this.threads.has(channelId))
      return { status: 400, body: { message: "Cannot execute action on this channel type", code: 50024 } };
    if (!this.knownChannel(channelId)) return notFound(10003, "Unknown Channel");
    const stored = this.messagesById.get(messageId);
    if (!stored || stored.message.channel_id !== channelId) return notFound(10008, "Unknown Message");
    const refused = refusal(threadRequestProblems(body));
    if (refused) return refused;
    if (this.threads.has(messageId))
      return { status: 400, body: { message: "A thread has already been created for this message", code: 160004 } };
    const request = body as { name: string; auto_archive_duration?: number };
    const thread = threadOnMessage(stored.message, request);
    this.threads.set(thread.id, thread);
    stored.message = markedAsStarter(stored.message, thread);
    if (this.isGatewayReady) this.dispatchNow(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    return { status: 201, body: thread };
  }

  /**
   * A person starts a public thread on a message (Discord's "Create Thread" on it): the thread is theirs, and the
   * bot learns of it from THREAD_CREATE. Resolves with the thread's id (the message's).
   */
  async personStartsThread(messageId: string, name: string, owner: string = IDS.user): Promise<string> {
    const stored = this.messagesById.get(messageId);
    if (!stored || this.threads.has(messageId)) throw new Error(`fake Discord: cannot start a thread on ${messageId}`);
    const thread = threadOnMessage(stored.message, { name }, owner);
    this.threads.set(thread.id, thread);
    stored.message = markedAsStarter(stored.message, thread);
    await this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    return thread.id;
  }

  /** The threads started so far (tests assert on them). */
  get startedThreads(): APIThreadChannel<ThreadChannelType>[] {
    return [...this.threads.values()];
  }

  private interactionCallback(
    interactionId: string,
    token: string,
    body: unknown,
    withResponse: boolean,
  ): { status: number; body?: unknown } {
    const state = this.interactions.get(interactionId);
    if (state?.acknowledged)
      return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
    if (state && Date.now() - state.dispatchedAt > this.interactionWindowMs)
      return notFound(10062, "Unknown interaction");
    const type = typeof body === "object" && body !== null && "type" in body ? body.type : undefined;
    const data = typeof body === "object" && body !== null && "data" in body ? body.data : undefined;
    const refused = refusal(
      type === InteractionResponseType.ApplicationCommandAutocompleteResult
        ? choiceProblems(data)
        : type === InteractionResponseType.Modal
          ? modalProblems(data)
          : messageProblems(data),
    );
    if (refused) return refused;
    if (state) state.acknowledged = true;
    if (
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource
    ) {
      const message = this.createMessage(this.interactionChannels.get(token) ?? IDS.guildChannel, data ?? {}, {
        interactionId,
      });
      this.messagesByToken.set(token, { message });
      this.messagesById.set(message.id, { message });
    }
    if (type === InteractionResponseType.UpdateMessage) {
      this.messagesByToken.set(token, {
        message: this.createMessage(this.interactionChannels.get(token) ?? IDS.guildChannel, data ?? {}, {
          interactionId,
        }),
      });
    }
    if (!withResponse) return { status: 204 };
    const message = this.messagesByToken.get(token)?.message;
    return {
      status: 200,
      body: {
        interaction: {
          id: interactionId,
          type: 2,
          response_message_id: message?.id,
          response_message_loading: false,
          response_message_ephemeral: false,
        },
        resource: { type, message },
      },
    };
  }

  private createMessage(
    channelId: string,
    body: unknown,
    origin: { webhookId?: string | undefined; interactionId?: string },
  ): APIMessage {
    const fields = messageFields(body);
    const reference =
      typeof body === "object" && body !== null && "message_reference" in body ? body.message_reference : undefined;
    const message: APIMessage = {
      id: nextSnowflake(),
      channel_id: channelId,
      author: SELF,
      content: "",
      timestamp: new Date().toISOString(),
      ...messageDefaults(),
      embeds: [],
      pinned: false,
      type: reference ? MessageType.Reply : MessageType.Default,
      ...(origin.webhookId ? { webhook_id: origin.webhookId } : {}),
      ...(reference && typeof reference === "object" && "message_id" in reference
        ? { message_reference: { message_id: String(reference.message_id), channel_id: channelId } }
        : {}),
      ...fields,
    };
    this.messagesById.set(message.id, { message });
    return message;
  }
}

/** The message fields a bot can set through REST, taken from a request body. */
function messageFields(body: unknown): Partial<APIMessage> {
  if (typeof body !== "object" || body === null) return {};
  const fields: Partial<APIMessage> = {};
  if ("content" in body && typeof body.content === "string") fields.content = body.content;
  if ("embeds" in body && Array.isArray(body.embeds)) fields.embeds = body.embeds;
  if ("components" in body && Array.isArray(body.components)) fields.components = body.components;
  if ("flags" in body && typeof body.flags === "number")
    if (body.flags & MessageFlags.Ephemeral) fields.flags = MessageFlags.Ephemeral;
  return fields;
}

/** The DM channels of the fake world: Discord delivers DM content to bots without the Message Content intent. */
const DM_CHANNELS: ReadonlySet<string> = new Set([IDS.dmChannel]);

function withoutReference(message: APIMessage): APIMessage {
  const { referenced_message: _nested, ...rest } = message;
  return rest;
}

/**
 * A well-formed message (tests also dispatch malformed ones on purpose, to see the bot survive them: those pass
 * through untouched, unstored).
 */
export function isMessage(data: unknown): data is APIMessage {
  if (typeof data !== "object" || data === null) return false;
  const fields = data as Record<string, unknown>;
  const author = fields.author;
  return (
    typeof fields.id === "string" &&
    /^\d{1,20}$/.test(fields.id) &&
    typeof fields.channel_id === "string" &&
    typeof author === "object" &&
    author !== null &&
    typeof (author as Record<string, unknown>).id === "string" &&
    Array.isArray(fields.mentions) &&
    fields.mentions.every((user: unknown) => typeof user === "object" && user !== null && "id" in user) &&
    (fields.referenced_message === undefined ||
      fields.referenced_message === null ||
      isMessage(fields.referenced_message))
  );
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function notFound(code: number, message: string): { status: number; body: unknown } {
  return { status: 404, body: { message, code } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text.length === 0) return undefined;
  if (contentType?.includes("application/json")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export function humanUser(): APIUser {
  return { id: IDS.user, username: "reader", discriminator: "0", global_name: "Reader", avatar: null };
}

/** The guild as GUILD_CREATE sends it; `threads` are its active threads, so a bot that reconnects knows them. */
function guildCreatePayload(threads: APIThreadChannel<ThreadChannelType>[]): APIGuild & {
  channels: APIChannel[];
  members: APIGuildMember[];
  joined_at: string;
  large: boolean;
  member_count: number;
  threads: APIThreadChannel<ThreadChannelType>[];
  presences: [];
  voice_states: [];
} {
  const role = (id: string, name: string, extra: Partial<APIRole> = {}): APIRole => ({
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    permissions: "0",
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  });
  return {
    id: IDS.guild,
    name: "Fake guild",
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: IDS.user,
    region: "",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      role(IDS.guild, "@everyone", { permissions: "68608" }),
      role(IDS.botRole, BOT_USERNAME, { managed: true, position: 1, tags: { bot_id: IDS.bot } }),
      role(IDS.otherRole, "readers", { position: 1, mentionable: true }),
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: "en-US" as APIGuild["preferred_locale"],
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    channels: [
      {
        id: IDS.guildChannel,
        type: ChannelType.GuildText,
        guild_id: IDS.guild,
        name: "general",
        position: 0,
        permission_overwrites: [],
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
        parent_id: null,
      },
    ],
    members: [
      {
        user: SELF,
        roles: [IDS.botRole],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0 as GuildMemberFlags,
      },
    ],
    joined_at: new Date().toISOString(),
    large: false,
    member_count: 2,
    threads,
    presences: [],
    voice_states: [],
  };
}
