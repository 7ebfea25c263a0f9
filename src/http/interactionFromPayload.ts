import {
  ApplicationCommandType,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  type Client,
  ComponentType,
  InteractionType,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from "discord.js";
import { GatewayDispatchEvents } from "discord-api-types/v10";
import { InteractionPacket, problemWith } from "../discord/gatewayGuard.js";

/** The interactions the router handles, built as discord.js builds them from a gateway packet. */
export type RoutableInteraction =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | AutocompleteInteraction
  | ModalSubmitInteraction;

/** discord.js declares their constructors protected: it calls them itself when a gateway packet arrives. */
type InteractionClass =
  | typeof ChatInputCommandInteraction
  | typeof MessageContextMenuCommandInteraction
  | typeof ButtonInteraction
  | typeof AutocompleteInteraction
  | typeof ModalSubmitInteraction;

function classFor(payload: { type: number; data?: unknown }): InteractionClass | undefined {
  const data = typeof payload.data === "object" && payload.data !== null ? payload.data : {};
  const dataType = "type" in data ? data.type : undefined;
  const componentType = "component_type" in data ? data.component_type : undefined;
  if (payload.type === InteractionType.ApplicationCommandAutocomplete) return AutocompleteInteraction;
  if (payload.type === InteractionType.ApplicationCommand && dataType === ApplicationCommandType.ChatInput)
    return ChatInputCommandInteraction;
  if (payload.type === InteractionType.ApplicationCommand && dataType === ApplicationCommandType.Message)
    return MessageContextMenuCommandInteraction;
  if (payload.type === InteractionType.MessageComponent && componentType === ComponentType.Button)
    return ButtonInteraction;
  if (payload.type === InteractionType.ModalSubmit) return ModalSubmitInteraction;
  return undefined;
}

/**
 * The discord.js interaction object for a payload that arrived over HTTP, so that commands, buttons and autocomplete
 * read exactly what they read over the gateway. The payload is checked first by the gateway guard's schema (discord.js
 * does not validate, and a missing field would throw inside its constructor); a problem is a sentence that never
 * quotes the payload's values.
 */
export function interactionFromPayload(
  client: Client,
  payload: unknown,
): { interaction: RoutableInteraction } | { problem: string } {
  const problem = problemWith(GatewayDispatchEvents.InteractionCreate, payload, InteractionPacket);
  if (problem !== undefined) return { problem };
  const parsed = InteractionPacket.safeParse(payload);
  if (!parsed.success) return { problem: "invalid payload" };
  const InteractionClass = classFor(parsed.data);
  if (!InteractionClass) return { problem: "unsupported interaction or component type" };
  // Reflect.construct reaches the protected constructor with the original payload object, as discord.js's own
  // gateway handler passes it; the schema above guarantees the fields the constructor reads.
  const interaction: RoutableInteraction = Reflect.construct(InteractionClass, [client, payload]);
  return { interaction };
}
