/**
 * What the bot sent the fake Discord, read back at the boundary with zod, and the message a button
 * sits on as Discord would include it in a component interaction. Shared by the tests and the soak.
 */
import type { APIMessage } from "discord-api-types/v10";
import { z } from "zod";
import { IDS, nextSnowflake } from "./ids.js";
import { messageDefaults, type Place, SELF } from "./payloads.js";

/** What the bot sends Discord as a message body (reply, edit, update, channel message), read at the boundary with zod. */
export const SentMessage = z.looseObject({
  content: z.string().optional(),
  flags: z.number().optional(),
  embeds: z
    .array(
      z.looseObject({
        title: z.string().optional(),
        description: z.string().optional(),
        color: z.number().optional(),
        fields: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
        footer: z.object({ text: z.string() }).optional(),
      }),
    )
    .optional(),
  components: z
    .array(
      z.object({
        type: z.number(),
        components: z.array(
          z.looseObject({
            type: z.number(),
            custom_id: z.string().optional(),
            label: z.string().optional(),
            disabled: z.boolean().optional(),
          }),
        ),
      }),
    )
    .optional(),
  allowed_mentions: z
    .looseObject({ parse: z.array(z.string()).optional(), replied_user: z.boolean().optional() })
    .optional(),
  message_reference: z.looseObject({ message_id: z.string().optional() }).optional(),
  choices: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) })).optional(),
});
export type SentMessage = z.infer<typeof SentMessage>;

export const InteractionResponse = z.object({ type: z.number(), data: SentMessage.optional() });
export type InteractionResponse = z.infer<typeof InteractionResponse>;

/** The message a button sits on, as Discord includes it in the component interaction. */
export function messageFromResponse(response: InteractionResponse, place: Place = "guild"): APIMessage {
  const data = response.data ?? {};
  return {
    id: nextSnowflake(),
    channel_id: place === "guild" ? IDS.guildChannel : IDS.dmChannel,
    author: SELF,
    content: data.content ?? "",
    timestamp: new Date().toISOString(),
    ...messageDefaults(),
    embeds: (data.embeds ?? []).map((embed) => ({ ...embed })),
    components: (data.components ?? []).map((row) => ({
      type: 1,
      components: row.components.map((component) => ({
        type: 2,
        style: 1,
        custom_id: component.custom_id ?? "x",
        label: component.label ?? "",
      })),
    })),
    pinned: false,
    type: 0,
    ...(data.flags ? { flags: data.flags } : {}),
  };
}
