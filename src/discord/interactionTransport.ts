import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
  MessageFlags,
} from "discord.js";
import type { AutocompleteChoice } from "../engine/answer.js";
import type { RenderedMessage } from "./render.js";
import type { InteractionTransport } from "./responder.js";

export type RepliableInteraction =
  ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

function withVisibility(message: RenderedMessage, ephemeral: boolean): InteractionReplyOptions {
  return ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message;
}

/** The responder's transport for an interaction that arrived over the gateway: discord.js's REST calls. */
export function gatewayTransport(interaction: RepliableInteraction): InteractionTransport {
  return {
    reply: async (message, ephemeral) => void (await interaction.reply(withVisibility(message, ephemeral))),
    update: async (message) => {
      if (!interaction.isButton()) throw new Error("only a button's message can be updated");
      await interaction.update(message);
    },
    defer: async (ephemeral) => void (await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})),
    editReply: async (message) => void (await interaction.editReply(message)),
    followUp: async (message, ephemeral) => void (await interaction.followUp(withVisibility(message, ephemeral))),
    showModal: async (modal) => {
      // Discord accepts a form in answer to a command or a component, never to a form's own submission.
      if (interaction.isModalSubmit()) throw new Error("a submitted form cannot open another form");
      await interaction.showModal(modal);
    },
  };
}

/**
 * How one interaction's responses travel: every response the router sends goes through one of these, so a command
 * answers the same way whether its interaction came over the gateway or to the HTTP endpoint.
 */
export interface ResponsePath {
  /** The responder's transport for a command, a context menu or a button. */
  transport(interaction: RepliableInteraction): InteractionTransport;
  /** Autocomplete's one response: the suggested choices (callback type 8). */
  choices(interaction: AutocompleteInteraction, choices: readonly AutocompleteChoice[]): Promise<void>;
}

/** Responses to an interaction that arrived over the gateway: discord.js's REST calls. */
export const GATEWAY_PATH: ResponsePath = Object.freeze({
  transport: gatewayTransport,
  choices: (interaction: AutocompleteInteraction, choices: readonly AutocompleteChoice[]) =>
    interaction.respond([...choices]),
});
