import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  ApplicationCommandType,
} from "discord.js";
import { AutocompleteChoice, type Language } from "../engine/answer.js";
import type { AnswerEngine } from "../engine/engine.js";
import type { GuildKnowledge } from "../guilds/guildKnowledge.js";
import type { Logger } from "../logging/logger.js";
import type { AnswerHistory, AskingEvent } from "./answerHistory.js";
import { manageArticles, submitArticleForm } from "./articleDesk.js";
import { readArticleForm } from "./articleForm.js";
import { clickButton } from "./buttons.js";
import {
  type CommandContext,
  type CommandHandler,
  type MessageMenuHandler,
  type Outcome,
  PRIVATE_OPTION_NAME,
  SUGGEST_FOR_OPTION_NAME,
  type SlashHandler,
  outcomeOf,
} from "./commandContext.js";
import { decodeButton } from "./customId.js";
import { showGapsPage } from "./gapsView.js";
import { ROUTES } from "./delivery.js";
import { GATEWAY_PATH, type RepliableInteraction, type ResponsePath } from "./interactionTransport.js";
import { DISCORD_LIMITS } from "./limits.js";
import { languageOfLocale, speaking } from "./language.js";
import { discordMessages } from "./messages.js";
import { limited, privateNotice } from "./privateNotice.js";
import type { QuestionGate } from "./questionGate.js";
import { renderAnswer, renderNotice } from "./render.js";
import { Responder } from "./responder.js";
import { askedAs, threadsCanStartIn } from "./threadButton.js";
import { type EventFields, type EventObserver, runEvent } from "./runEvent.js";

export interface InteractionRouterOptions {
  /** The command registry, handed in by the entry point (the adapter does not import `commands/`). */
  commands: readonly CommandHandler[];
  /** Read once per event: the shared knowledge plus, in a server, that server's own articles. */
  getEngine: (guildId?: string) => AnswerEngine;
  /** Servers' own articles (/article); undefined when the bot has no data folder for them. */
  guildKnowledge?: GuildKnowledge | undefined;
  logger: Logger;
  /** Defer the reply when producing it takes longer than this (Discord's window is 3 s). */
  deferAfterMs: number;
  /** The per-person question limit (slash commands, the context menu and suggestion buttons pass through it). */
  gate: QuestionGate;
  /** Where answers are recorded as their reply is sent, and votes on them. */
  history: AnswerHistory;
  /** Told how every event ended (metrics). */
  observe?: EventObserver;
  /** Every message in the bot's threads is a question (MESSAGE_CONTENT_INTENT). */
  openThreads?: boolean;
}

/** Routes one interaction; its responses travel over `path` (discord.js's REST calls unless the HTTP endpoint brings its own). */
export type InteractionRoute = (interaction: Interaction, path?: ResponsePath) => Promise<void>;

/** Routes every interaction (slash, context menu, autocomplete, button) to its handler, inside the one event wrapper. */
export function createInteractionRouter(options: InteractionRouterOptions): InteractionRoute {
  const slash = new Map<string, SlashHandler>();
  const messageMenus = new Map<string, MessageMenuHandler>();
  for (const command of options.commands) {
    if (isSlash(command)) slash.set(command.data.name, command);
    else messageMenus.set(command.data.name, command);
  }

  async function runCommand(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
    engine: AnswerEngine,
    responder: Responder,
    ephemeral: boolean,
    startedAt: number,
  ): Promise<Outcome> {
    const language = languageOfLocale(interaction.locale);
    const messages = discordMessages(language);
    const decision = options.gate.check(interaction.user.id, language);
    if (!decision.allowed) return limited(responder, decision);
    const suggestedFor = interaction.isChatInputCommand()
      ? interaction.options.getUser(SUGGEST_FOR_OPTION_NAME)?.id
      : undefined;
    if (suggestedFor !== undefined && ephemeral)
      return privateNotice(responder, messages.suggestedPrivately, "abstained");
    const asking: AskingEvent = {
      id: interaction.id,
      surface: interaction.isChatInputCommand() ? "slash" : "menu",
      guildId: interaction.guildId ?? undefined,
      personId: interaction.user.id,
      startedAt,
    };
    const spoken = speaking(engine, language);
    // A public answer in a text channel can grow a thread; a private one, a DM or a thread cannot.
    const threadable = !ephemeral && threadsCanStartIn(interaction.channel);
    const context = commandContext(
      spoken,
      responder,
      { ephemeral, suggestedFor, language, asking, threadable },
      options.history,
    );
    const viewing = { engine: spoken, responder, history: options.history };
    if (interaction.isChatInputCommand()) {
      const command = slash.get(interaction.commandName);
      if (!command) return privateNotice(responder, messages.unknownCommand, "stale");
      // The engine is synchronous: the defer timer cannot fire during its work, so slow work is acknowledged first.
      if (engine.mayTakeLong() && !command.administers) await responder.defer();
      return command.execute(interaction, {
        ...context,
        showGaps: ({ days }) => showGapsPage({ ...viewing, interaction }, { days, page: 1 }),
        manageArticles: (request) =>
          manageArticles(
            { interaction, responder, knowledge: options.guildKnowledge, logger: options.logger },
            request,
          ),
      });
    }
    const command = messageMenus.get(interaction.commandName);
    if (!command) return privateNotice(responder, messages.unknownCommand, "stale");
    if (engine.mayTakeLong()) await responder.defer();
    return command.execute(interaction, context);
  }

  async function autocomplete(
    interaction: AutocompleteInteraction,
    engine: AnswerEngine,
    path: ResponsePath,
  ): Promise<Outcome> {
    const focused = interaction.options.getFocused(true);
    const spec = slash.get(interaction.commandName)?.autocomplete;
    if (!spec || spec.option !== focused.name) {
      await path.choices(interaction, []);
      return "ignored";
    }
    const partial = String(focused.value).slice(0, DISCORD_LIMITS.choiceValue);
    const choices = engine
      .autocomplete(spec.kind, partial)
      .filter(
        (choice) => AutocompleteChoice.safeParse(choice).success && choice.name.length > 0 && choice.value.length > 0,
      )
      .slice(0, DISCORD_LIMITS.autocompleteChoices);
    await path.choices(interaction, choices);
    return choices.length > 0 ? "answered" : "abstained";
  }

  return function route(interaction: Interaction, path: ResponsePath = GATEWAY_PATH): Promise<void> {
    const startedAt = performance.now();
    let responder: Responder | undefined;
    const responderFor = (target: RepliableInteraction, ephemeral: boolean): Responder =>
      (responder ??= new Responder(path.transport(target), {
        ephemeral,
        deferAfterMs: options.deferAfterMs,
        language: languageOfLocale(target.locale),
      }));
    return runEvent(options.logger, {
      noun: "interaction",
      fields: describe(interaction),
      handle: async () => {
        const engine = options.getEngine(interaction.guildId ?? undefined);
        if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
          const ephemeral = interaction.isChatInputCommand()
            ? (slash.get(interaction.commandName)?.administers ??
              interaction.options.getBoolean(PRIVATE_OPTION_NAME) ??
              false)
            : true;
          return runCommand(interaction, engine, responderFor(interaction, ephemeral), ephemeral, startedAt);
        }
        if (interaction.isAutocomplete()) return autocomplete(interaction, engine, path);
        if (interaction.isButton())
          return clickButton(interaction, {
            engine,
            gate: options.gate,
            responder: responderFor(interaction, true),
            history: options.history,
            startedAt,
            guildKnowledge: options.guildKnowledge,
            logger: options.logger,
            openThreads: options.openThreads ?? false,
          });
        if (interaction.isModalSubmit()) {
          const responder = responderFor(interaction, true);
          if (decodeButton(interaction.customId)?.kind !== "article-form")
            return privateNotice(responder, discordMessages(languageOfLocale(interaction.locale)).staleButton, "stale");
          const desk = { interaction, responder, knowledge: options.guildKnowledge, logger: options.logger };
          return submitArticleForm(desk, readArticleForm(interaction));
        }
        return "ignored";
      },
      apologise: () => apologise(interaction, responder, path),
      route: () => responder?.route ?? ROUTES.callback,
      cleanUp: () => responder?.stop(),
      observe: options.observe,
    });
  };
}

function isSlash(command: CommandHandler): command is SlashHandler {
  return command.data.type === ApplicationCommandType.ChatInput;
}

/** What a command handler may do: reply with an answer or a notice, through this event's responder. */
function commandContext(
  engine: AnswerEngine,
  responder: Responder,
  reply: {
    ephemeral: boolean;
    suggestedFor: string | undefined;
    language: Language;
    asking: AskingEvent;
    threadable: boolean;
  },
  history: AnswerHistory,
): CommandContext {
  return {
    engine,
    ephemeral: reply.ephemeral,
    reply: async (answer) => {
      const feedbackFor = history.feedbackFor(reply.asking);
      const rendered = renderAnswer(answer, engine.knowledge, {
        private: reply.ephemeral,
        language: reply.language,
        feedbackFor,
        threadQuestion: reply.threadable ? askedAs(answer) : undefined,
        ...(reply.suggestedFor === undefined ? {} : { suggestedFor: reply.suggestedFor }),
      });
      // Queued before sending (the store writes it a moment later, never in the reply's way): a 👍 clicked the
      // instant the answer shows must find its question.
      history.record(reply.asking, answer);
      await responder.send(rendered, reply.ephemeral);
      return outcomeOf(answer);
    },
    notice: (text) => privateNotice(responder, text, "abstained"),
  };
}

async function apologise(
  interaction: Interaction,
  responder: Responder | undefined,
  path: ResponsePath,
): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await path.choices(interaction, []);
    return;
  }
  if (responder) {
    await responder.apologise();
    return;
  }
  const repliable =
    interaction.isChatInputCommand() ||
    interaction.isMessageContextMenuCommand() ||
    interaction.isButton() ||
    interaction.isModalSubmit();
  if (repliable && !interaction.replied && !interaction.deferred) {
    const apology = discordMessages(languageOfLocale(interaction.locale)).apology;
    await path.transport(interaction).reply(renderNotice(apology), true);
  }
}

function describe(interaction: Interaction): EventFields {
  const fields = { eventId: interaction.id, place: interaction.inGuild() ? ("guild" as const) : ("dm" as const) };
  if (interaction.isChatInputCommand()) return { ...fields, kind: "slash", command: interaction.commandName };
  if (interaction.isMessageContextMenuCommand())
    return { ...fields, kind: "context-menu", command: interaction.commandName };
  if (interaction.isAutocomplete()) return { ...fields, kind: "autocomplete", command: interaction.commandName };
  if (interaction.isButton())
    return { ...fields, kind: "button", command: decodeButton(interaction.customId)?.kind ?? "unknown" };
  if (interaction.isModalSubmit())
    return { ...fields, kind: "form", command: decodeButton(interaction.customId)?.kind ?? "unknown" };
  return { ...fields, kind: "other", command: String(interaction.type) };
}
