import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
} from "discord.js";
import type { APIEmbed } from "discord-api-types/v10";
import { type Answer, AutocompleteChoice } from "../engine/answer.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { Logger } from "../logging/logger.js";
import type { Command, CommandContext, MessageMenuCommand, Outcome, ReplyOptions, SlashCommand } from "./command.js";
import { decodeButton } from "./customId.js";
import { ROUTES, apologyMayHelp, deliveryFailure } from "./delivery.js";
import { DISCORD_LIMITS } from "./limits.js";
import { MESSAGES } from "./messages.js";
import { pagingFromInput } from "./paging.js";
import type { GateDecision, QuestionGate } from "./questionGate.js";
import { NO_MENTIONS, type RenderedMessage, fitEmbed, renderAnswer, renderContext, renderNotice } from "./render.js";

export interface InteractionRouterOptions {
  commands: readonly Command[];
  /** Read once per event. */
  getEngine: () => AnswerEngine;
  logger: Logger;
  /** Defer the reply when producing it takes longer than this (Discord's window is 3 s). */
  deferAfterMs: number;
  /** The per-person question limit (slash commands, the context menu and suggestion buttons pass through it). */
  gate: QuestionGate;
}

type RepliableInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/** How an answered event is logged. */
export function outcomeOf(answer: Answer): Outcome {
  if (answer.command === "help") return "help";
  return answer.answered ? "answered" : "abstained";
}

/**
 * Sends an interaction's one response. If the reply is not ready within `deferAfterMs`, it defers first
 * (so Discord's 3-second window is never missed) and later edits the deferred reply.
 */
class Responder {
  private deferral: Promise<unknown> | undefined;
  private readonly timer: NodeJS.Timeout;
  /** The route of the request in flight, for the log line when it cannot be delivered. */
  route: string = ROUTES.callback;

  constructor(
    private readonly interaction: RepliableInteraction,
    ephemeral: boolean,
    deferAfterMs: number,
  ) {
    this.timer = setTimeout(() => {
      this.deferral = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      this.deferral.catch(() => undefined);
    }, deferAfterMs);
  }

  async send(message: RenderedMessage, ephemeral: boolean): Promise<void> {
    clearTimeout(this.timer);
    if (this.deferral) {
      await this.deferral;
      this.route = ROUTES.editOriginal;
      await this.interaction.editReply(message);
      return;
    }
    await this.interaction.reply(ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message);
  }

  /** The short ephemeral apology, whatever state the response is in. */
  async apologise(): Promise<void> {
    clearTimeout(this.timer);
    const notice = renderNotice(MESSAGES.apology);
    if (this.deferral) {
      await this.deferral.catch(() => undefined);
      this.route = ROUTES.editOriginal;
      await this.interaction.editReply(notice);
    } else if (this.interaction.replied || this.interaction.deferred) {
      this.route = ROUTES.followUp;
      await this.interaction.followUp({ ...notice, flags: MessageFlags.Ephemeral });
    } else {
      await this.interaction.reply({ ...notice, flags: MessageFlags.Ephemeral });
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** Routes every interaction (slash, context menu, autocomplete, button) to its handler; logs one line per event. */
export function createInteractionRouter(options: InteractionRouterOptions): (interaction: Interaction) => Promise<void> {
  const slash = new Map<string, SlashCommand>();
  const messageMenus = new Map<string, MessageMenuCommand>();
  for (const command of options.commands) {
    if (command.kind === "slash") slash.set(command.data.name, command);
    else messageMenus.set(command.data.name, command);
  }

  const contextFor = (responder: Responder, engine: AnswerEngine): CommandContext => ({
    engine,
    reply: async (answer: Answer, replyOptions: ReplyOptions = {}) => {
      await responder.send(renderAnswer(answer, engine.knowledge, replyOptions), replyOptions.private ?? false);
      return outcomeOf(answer);
    },
  });

  async function runCommand(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, engine: AnswerEngine, responder: Responder): Promise<Outcome> {
    if (interaction.isChatInputCommand()) {
      const command = slash.get(interaction.commandName);
      if (!command) return stale(responder, MESSAGES.unknownCommand);
      return command.execute(interaction, contextFor(responder, engine));
    }
    const command = messageMenus.get(interaction.commandName);
    if (!command) return stale(responder, MESSAGES.unknownCommand);
    return command.execute(interaction, contextFor(responder, engine));
  }

  async function autocomplete(interaction: AutocompleteInteraction, engine: AnswerEngine): Promise<Outcome> {
    const focused = interaction.options.getFocused(true);
    const spec = slash.get(interaction.commandName)?.autocomplete;
    if (!spec || spec.option !== focused.name) {
      await interaction.respond([]);
      return "ignored";
    }
    const partial = String(focused.value).slice(0, DISCORD_LIMITS.choiceValue);
    const choices = engine
      .autocomplete(spec.kind, partial)
      .filter((choice) => AutocompleteChoice.safeParse(choice).success && choice.name.length > 0 && choice.value.length > 0)
      .slice(0, DISCORD_LIMITS.autocompleteChoices);
    await interaction.respond(choices);
    return choices.length > 0 ? "answered" : "abstained";
  }

  async function clickButton(interaction: ButtonInteraction, engine: AnswerEngine, responder: () => Responder): Promise<Outcome> {
    const state = decodeButton(interaction.customId);
    if (!state) return stale(responder(), MESSAGES.staleButton);
    switch (state.kind) {
      case "context": {
        const context = engine.context(state.article, state.sentence);
        if (!context) return stale(responder(), MESSAGES.contextGone);
        await responder().send(renderContext(context), true);
        return "answered";
      }
      case "page": {
        const answer = engine.run({ command: state.command, argument: state.argument, page: state.page });
        const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
        await interaction.update(renderAnswer(answer, engine.knowledge, { private: ephemeral, paging: { command: state.command, argument: state.argument } }));
        return outcomeOf(answer);
      }
      case "suggest": {
        const decision = options.gate.check(interaction.user.id);
        if (!decision.allowed) return limited(responder(), decision);
        const answer = engine.ask(state.query);
        await responder().send(renderAnswer(answer, engine.knowledge, { private: true, ...pagingFromInput(state.query, answer) }), true);
        return outcomeOf(answer);
      }
      case "post": {
        if (!interaction.message.flags.has(MessageFlags.Ephemeral)) return stale(responder(), MESSAGES.notPrivate);
        await responder().send(repost(interaction), false);
        return "answered";
      }
    }
  }

  return async function route(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const fields = { eventId: interaction.id, ...describe(interaction) };
    let outcome: Outcome = "error";
    let failure: unknown;
    let responder: Responder | undefined;
    const responderFor = (target: RepliableInteraction, ephemeral: boolean): Responder => (responder ??= new Responder(target, ephemeral, options.deferAfterMs));
    try {
      const engine = options.getEngine();
      if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        const ephemeral = interaction.isChatInputCommand() ? (interaction.options.getBoolean("private") ?? false) : true;
        const target = responderFor(interaction, ephemeral);
        const decision = options.gate.check(interaction.user.id);
        outcome = decision.allowed ? await runCommand(interaction, engine, target) : await limited(target, decision);
      } else if (interaction.isAutocomplete()) {
        outcome = await autocomplete(interaction, engine);
      } else if (interaction.isButton()) {
        outcome = await clickButton(interaction, engine, () => responderFor(interaction, true));
      } else {
        outcome = "ignored";
      }
    } catch (error) {
      failure = error;
      outcome = "error";
      const undelivered = deliveryFailure(error, responder?.route ?? ROUTES.callback);
      if (!undelivered || apologyMayHelp(undelivered)) {
        await apologise(interaction, responder).catch((apologyError: unknown) => options.logger.warn({ ...fields, err: apologyError }, "could not send the apology"));
      }
    } finally {
      responder?.stop();
      const line = { ...fields, outcome, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
      const undelivered = failure === undefined ? undefined : deliveryFailure(failure, responder?.route ?? ROUTES.callback);
      if (failure === undefined) options.logger.info(line, "interaction handled");
      else if (undelivered) options.logger.warn({ ...line, outcome: "undelivered", ...undelivered }, "reply not delivered");
      else options.logger.error({ ...line, err: failure }, "interaction handler failed");
    }
  };
}

/** Over the question limit: an interaction must still be answered, so always a short private notice. */
async function limited(responder: Responder, decision: Extract<GateDecision, { allowed: false }>): Promise<Outcome> {
  await responder.send(renderNotice(decision.notice), true);
  return "limited";
}

async function stale(responder: Responder, text: string): Promise<Outcome> {
  await responder.send(renderNotice(text), true);
  return "stale";
}

async function apologise(interaction: Interaction, responder: Responder | undefined): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (responder) {
    await responder.apologise();
    return;
  }
  if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
    await interaction.reply({ ...renderNotice(MESSAGES.apology), flags: MessageFlags.Ephemeral });
  }
}

/** The private answer's embeds and buttons, made public without the "Post to channel" button. */
function repost(interaction: ButtonInteraction): RenderedMessage {
  const embeds: APIEmbed[] = interaction.message.embeds.map((embed) => fitEmbed(embed.toJSON()));
  const components = interaction.message.components.flatMap((row) => {
    const json = row.toJSON();
    if (!("components" in json) || json.type !== 1) return [];
    const kept = json.components.filter((component) => !("custom_id" in component) || decodeButton(component.custom_id)?.kind !== "post");
    return kept.length > 0 ? [{ ...json, components: kept }] : [];
  });
  return { embeds, components: components.filter(isButtonRow), allowedMentions: NO_MENTIONS };
}

function isButtonRow(row: { type: number; components: { type: number }[] }): row is RenderedMessage["components"][number] {
  return row.type === 1 && row.components.every((component) => component.type === 2 && "custom_id" in component);
}

function describe(interaction: Interaction): { kind: string; command: string; place: "guild" | "dm" } {
  const place = interaction.inGuild() ? "guild" : "dm";
  if (interaction.isChatInputCommand()) return { kind: "slash", command: interaction.commandName, place };
  if (interaction.isMessageContextMenuCommand()) return { kind: "context-menu", command: interaction.commandName, place };
  if (interaction.isAutocomplete()) return { kind: "autocomplete", command: interaction.commandName, place };
  if (interaction.isButton()) return { kind: "button", command: decodeButton(interaction.customId)?.kind ?? "unknown", place };
  return { kind: "other", command: String(interaction.type), place };
}
