import { type AutocompleteInteraction, InteractionResponseType, MessageFlags, MessagePayload } from "discord.js";
import type { AutocompleteChoice } from "../engine/answer.js";
import type { RepliableInteraction, ResponsePath } from "../discord/interactionTransport.js";
import type { RenderedMessage } from "../discord/render.js";

/**
 * An interaction's initial response as Discord reads it from the HTTP response (`type` and `data`). The data is
 * whatever discord.js would have posted to the callback route; its types differ per route, so it stays an object.
 */
export interface InitialResponse {
  type: InteractionResponseType;
  data: object;
}

/** Writes the interaction's initial response as the HTTP response; resolves once it is sent. */
export type SendInitialResponse = (response: InitialResponse) => Promise<void>;

function withVisibility(message: RenderedMessage, ephemeral: boolean) {
  return ephemeral ? { ...message, flags: MessageFlags.Ephemeral as const } : message;
}

/** The JSON Discord expects for a message, built by discord.js exactly as its own `reply` builds it. */
function messageData(interaction: RepliableInteraction, message: RenderedMessage, ephemeral: boolean): object {
  return MessagePayload.create(interaction, withVisibility(message, ephemeral)).resolveBody().body ?? {};
}

/**
 * Responses to an interaction that arrived at the HTTP endpoint: the initial response (message, update, deferral or
 * autocomplete choices) is the HTTP response itself; what follows it (editing a deferral, a follow-up) goes through
 * discord.js's REST client, so it honours DISCORD_API_URL, its rate limits and its retries. The interaction object's
 * `deferred`/`replied` flags are set as discord.js sets them, because its `editReply` and `followUp` check them.
 */
export function httpResponsePath(send: SendInitialResponse): ResponsePath {
  return {
    transport: (interaction) => ({
      reply: async (message, ephemeral) => {
        await send({
          type: InteractionResponseType.ChannelMessageWithSource,
          data: messageData(interaction, message, ephemeral),
        });
        interaction.ephemeral = ephemeral;
        interaction.replied = true;
      },
      update: async (message) => {
        if (!interaction.isButton()) throw new Error("only a button's message can be updated");
        await send({ type: InteractionResponseType.UpdateMessage, data: messageData(interaction, message, false) });
        interaction.replied = true;
      },
      defer: async (ephemeral) => {
        await send({
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          data: ephemeral ? { flags: MessageFlags.Ephemeral } : {},
        });
        interaction.ephemeral = ephemeral;
        interaction.deferred = true;
      },
      showModal: async (modal) => {
        await send({ type: InteractionResponseType.Modal, data: modal });
        interaction.replied = true;
      },
      editReply: async (message) => void (await interaction.editReply(message)),
      followUp: async (message, ephemeral) => void (await interaction.followUp(withVisibility(message, ephemeral))),
    }),
    choices: async (interaction: AutocompleteInteraction, choices: readonly AutocompleteChoice[]) => {
      await send({
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: [...choices] },
      });
      interaction.responded = true;
    },
  };
}
