import type { APIModalInteractionResponseCallbackData } from "discord.js";
import { ROUTES } from "./delivery.js";
import type { Language } from "../engine/answer.js";
import { discordMessages } from "./messages.js";
import { type RenderedMessage, renderNotice } from "./render.js";

/**
 * The four ways to answer one interaction, whatever carries them: discord.js over the gateway today
 * (`interactionTransport.ts`), an HTTP interactions endpoint later. Each resolves once Discord accepted the request.
 */
export interface InteractionTransport {
  /** The initial response: a new message (callback type 4). */
  reply(message: RenderedMessage, ephemeral: boolean): Promise<void>;
  /** The initial response: replace the message the clicked button sits on (callback type 7). */
  update(message: RenderedMessage): Promise<void>;
  /** The initial response: "thinking…", to be edited later (callback type 5). */
  defer(ephemeral: boolean): Promise<void>;
  /** Replaces the deferred (or first) response. */
  editReply(message: RenderedMessage): Promise<void>;
  /** A further message after the initial response. */
  followUp(message: RenderedMessage, ephemeral: boolean): Promise<void>;
  /** Opens a form (only as the initial response to a command or a button). */
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
}

export interface ResponderOptions {
  /** Whether a deferral shows "thinking…" privately; the answer then has the same visibility. */
  ephemeral: boolean;
  /** Defer when the response is not ready after this long (Discord allows 3 s for the initial response). */
  deferAfterMs: number;
  /** The language of the apology; English by default. */
  language?: Language;
}

/**
 * Sends an interaction's one initial response, and whatever follows it. Defers first when the response is not ready
 * within `deferAfterMs`, or at once when the caller knows the work may be slow (`defer`); a deferred response is
 * delivered by editing it. The timer only helps while the event loop is free: synchronous work that may be slow must
 * call `defer` before it starts.
 */
export class Responder {
  private deferral: Promise<void> | undefined;
  /** Discord accepted an initial reply or update (a deferral is tracked by `deferral`). */
  private responded = false;
  private readonly timer: NodeJS.Timeout;
  /** The route of the request in flight, for the log line when it cannot be delivered. */
  route: string = ROUTES.callback;

  constructor(
    private readonly transport: InteractionTransport,
    private readonly options: ResponderOptions,
  ) {
    this.timer = setTimeout(() => void this.defer().catch(() => undefined), options.deferAfterMs);
  }

  /** Acknowledges now ("thinking…"); resolves once Discord accepted it. Does nothing after the initial response. */
  defer(): Promise<void> {
    clearTimeout(this.timer);
    if (this.deferral) return this.deferral;
    if (this.responded) return Promise.resolve();
    this.deferral = this.transport.defer(this.options.ephemeral);
    return this.deferral;
  }

  /** A message as the response: the initial reply, or the edit of the deferral. */
  async send(message: RenderedMessage, ephemeral: boolean): Promise<void> {
    if (await this.settleDeferral()) return this.edit(message);
    await this.transport.reply(message, ephemeral);
    this.responded = true;
  }

  /** Replaces the message the clicked button sits on (or, after a deferral, the deferred response). */
  async update(message: RenderedMessage): Promise<void> {
    if (await this.settleDeferral()) return this.edit(message);
    await this.transport.update(message);
    this.responded = true;
  }

  /** A form as the response; it must be the first response, so the deferral timer stops. */
  async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    clearTimeout(this.timer);
    await this.transport.showModal(modal);
    this.responded = true;
  }

  /** The short private apology, whatever state the response is in. */
  async apologise(): Promise<void> {
    const notice = renderNotice(discordMessages(this.options.language).apology);
    if (await this.settleDeferral().catch(() => true)) return this.edit(notice);
    if (this.responded) {
      this.route = ROUTES.followUp;
      await this.transport.followUp(notice, true);
      return;
    }
    this.route = ROUTES.callback;
    await this.transport.reply(notice, true);
    this.responded = true;
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** Stops the timer; true when the response was deferred (after waiting for the deferral to be accepted). */
  private async settleDeferral(): Promise<boolean> {
    clearTimeout(this.timer);
    if (!this.deferral) return false;
    await this.deferral;
    return true;
  }

  private async edit(message: RenderedMessage): Promise<void> {
    this.route = ROUTES.editOriginal;
    await this.transport.editReply(message);
  }
}
