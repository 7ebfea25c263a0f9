import type { Client } from "discord.js";
import { ApplicationCommandType, GatewayDispatchEvents, InteractionType } from "discord-api-types/v10";
import { z } from "zod";
import type { Logger } from "../logging/logger.js";

/**
 * discord.js builds its objects from gateway payloads without validating them; a payload missing a field it reads
 * throws inside its packet handler, which surfaces as an unhandled promise rejection (fatal in Node by default).
 * The guard reads every INTERACTION_CREATE and MESSAGE_CREATE first (the `raw` event runs before discord.js handles
 * the packet, on the same object) and, when the payload is malformed or of a type the bot does not handle, logs one
 * line and renames the packet's event so discord.js skips it.
 */
const Snowflake = z.string().regex(/^\d{1,20}$/);
/** Permission and flag bit fields: discord.js throws on anything but a decimal string or a non-negative integer. */
const Permissions = z.string().regex(/^\d{1,20}$/);
const Flags = z
  .number()
  .int()
  .min(0)
  .max(2 ** 53);
const User = z.looseObject({
  id: Snowflake,
  username: z.string().optional(),
  bot: z.boolean().optional(),
  flags: Flags.optional(),
  public_flags: Flags.optional(),
});
const Member = z.looseObject({
  roles: z.array(Snowflake),
  flags: Flags.optional(),
  permissions: Permissions.optional(),
  user: User.optional(),
});
const Channel = z.looseObject({ id: Snowflake, type: z.number().int(), recipients: z.array(User).optional() });
const Embed = z.looseObject({ fields: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional() });
const ACTION_ROW = 1;
const Component: z.ZodType<unknown> = z.lazy(() =>
  z
    .looseObject({ type: z.number().int(), components: z.array(Component).optional() })
    .refine((component) => component.type !== ACTION_ROW || component.components !== undefined, {
      message: "an action row without components",
      path: ["components"],
    }),
);

/** A message as discord.js reads it (MESSAGE_CREATE, a component's message, a context-menu target). */
export const MessagePacket = z.looseObject({
  id: Snowflake,
  channel_id: Snowflake,
  author: User,
  content: z.string(),
  type: z.number().int(),
  timestamp: z.string(),
  guild_id: Snowflake.optional(),
  member: Member.optional(),
  flags: Flags.optional(),
  mentions: z.array(User),
  mention_roles: z.array(Snowflake),
  attachments: z.array(z.looseObject({ id: Snowflake })),
  embeds: z.array(Embed),
  components: z.array(Component).optional(),
});

const CommandOption: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(CommandOption).optional(),
  }),
);
const Resolved = z.looseObject({
  users: z.record(Snowflake, User).optional(),
  members: z.record(Snowflake, Member).optional(),
  messages: z.record(Snowflake, MessagePacket).optional(),
  channels: z.record(Snowflake, Channel).optional(),
});
const CommandData = z.looseObject({
  id: Snowflake,
  name: z.string().min(1),
  type: z.number().int(),
  options: z.array(CommandOption).optional(),
  resolved: Resolved.optional(),
  target_id: Snowflake.optional(),
});

/** A submitted form's field: a text input (its value) or another input discord.js reads by its custom_id. */
const FormField = z.looseObject({
  type: z.number().int(),
  custom_id: z.string().optional(),
  value: z.string().optional(),
});

const InteractionData = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal(InteractionType.ApplicationCommand),
    data: CommandData.refine(
      (data) =>
        data.type !== ApplicationCommandType.Message ||
        (data.target_id !== undefined && data.resolved?.messages?.[data.target_id] !== undefined),
      {
        message: "a message command without its target message",
        path: ["resolved"],
      },
    ),
  }),
  z.looseObject({
    type: z.literal(InteractionType.MessageComponent),
    data: z.looseObject({ custom_id: z.string(), component_type: z.number().int() }),
    message: MessagePacket,
  }),
  z.looseObject({
    type: z.literal(InteractionType.ApplicationCommandAutocomplete),
    data: CommandData.extend({ options: z.array(CommandOption) }),
  }),
  z.looseObject({
    type: z.literal(InteractionType.ModalSubmit),
    // Rows of fields (classic forms), or labels around one field each (newer forms): discord.js reads both.
    data: z.looseObject({
      custom_id: z.string(),
      components: z.array(
        z.looseObject({
          type: z.number().int(),
          components: z.array(FormField).optional(),
          component: FormField.optional(),
        }),
      ),
    }),
  }),
]);

export const InteractionPacket = z
  .looseObject({
    id: Snowflake,
    application_id: Snowflake,
    token: z.string().min(1),
    version: z.number().int(),
    type: z.number().int(),
    channel: Channel.optional(),
    guild_id: Snowflake.optional(),
    user: User.optional(),
    member: Member.extend({ user: User }).optional(),
    app_permissions: Permissions,
    locale: z.string().optional(),
    entitlements: z.array(z.looseObject({ id: Snowflake, sku_id: Snowflake.optional() })),
    authorizing_integration_owners: z.record(z.string(), z.string()),
  })
  .and(InteractionData)
  .refine((data) => data.user !== undefined || data.member !== undefined, {
    message: "neither user nor member.user is present",
    path: ["user"],
  })
  .refine((data) => (data.guild_id === undefined) === (data.member === undefined), {
    message: "guild_id and member must come together",
    path: ["member"],
  });

const Dispatch = z.looseObject({ t: z.string(), d: z.unknown() });

const GUARDED = new Map<string, z.ZodType>([
  [GatewayDispatchEvents.InteractionCreate, InteractionPacket],
  [GatewayDispatchEvents.MessageCreate, MessagePacket],
]);

/** The event name a rejected packet gets: discord.js has no handler for it and drops it. */
export const DROPPED_EVENT = "ARTICLE_BOT_DROPPED_MALFORMED";

const HANDLED_INTERACTION_TYPES: ReadonlySet<unknown> = new Set([
  InteractionType.ApplicationCommand,
  InteractionType.MessageComponent,
  InteractionType.ApplicationCommandAutocomplete,
  InteractionType.ModalSubmit,
]);

/** Attaches the guard to a client before login. */
export function guardGateway(client: Client, logger: Logger): void {
  client.on("raw", (packet: unknown) => {
    const dispatch = Dispatch.safeParse(packet);
    if (!dispatch.success) return;
    const event = dispatch.data.t;
    const schema = GUARDED.get(event);
    if (!schema) return;
    const problem = problemWith(event, dispatch.data.d, schema);
    if (problem === undefined) return;
    // On the packet itself, not on zod's parsed copy: discord.js handles this very object next.
    if (typeof packet === "object" && packet !== null) Reflect.set(packet, "t", DROPPED_EVENT);
    logger.warn({ event, eventId: idOf(dispatch.data.d), problem }, "malformed gateway payload ignored");
  });
}

/** What is wrong with a payload, in words that never quote its values; undefined when it is fine. */
export function problemWith(event: string, data: unknown, schema: z.ZodType): string | undefined {
  if (
    event === GatewayDispatchEvents.InteractionCreate &&
    typeof data === "object" &&
    data !== null &&
    "type" in data &&
    !HANDLED_INTERACTION_TYPES.has(data.type)
  ) {
    return `unsupported interaction type ${typeof data.type === "number" ? data.type : typeof data.type}`;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join(".") || "payload"}: ${issue.message}` : "invalid payload";
}

function idOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("id" in data)) return undefined;
  return typeof data.id === "string" && /^\d{1,20}$/.test(data.id) ? data.id : undefined;
}
