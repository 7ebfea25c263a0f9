/** Gateway dispatch payloads as Discord sends them, for the fake to dispatch. Typed with discord-api-types. */
import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIChannel,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIUser,
  type GatewayMessageCreateDispatchData,
  type GuildMemberFlags,
  type TextChannelType,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageReferenceType,
  MessageType,
} from "discord-api-types/v10";
import { BOT_USERNAME, IDS, nextSnowflake, snowflakeAt } from "./ids.js";

/** The fields every message has that these tests never vary (fresh arrays each time). */
export function messageDefaults() {
  return {
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
  };
}

export type Place = "guild" | "dm";

export const HUMAN: APIUser = Object.freeze({
  id: IDS.user,
  username: "reader",
  discriminator: "0",
  global_name: "Reader",
  avatar: null,
});
export const OTHER_BOT: APIUser = Object.freeze({
  id: IDS.otherBot,
  username: "otherbot",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
});
export const SELF: APIUser = Object.freeze({
  id: IDS.bot,
  username: BOT_USERNAME,
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
});

const ALL_PERMISSIONS = "2251799813685247";

function member(user: APIUser): APIInteractionGuildMember {
  return {
    user,
    roles: [],
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    permissions: ALL_PERMISSIONS,
  };
}

function channelOf(place: Place): Partial<APIChannel> & Pick<APIChannel, "id" | "type"> {
  return place === "guild"
    ? { id: IDS.guildChannel, type: ChannelType.GuildText, guild_id: IDS.guild, name: "general" }
    : { id: IDS.dmChannel, type: ChannelType.DM, recipients: [HUMAN] };
}

/** The fields every interaction carries, for a guild text channel or a DM with the bot. */
function base(place: Place) {
  const id = nextSnowflake();
  const common = {
    id,
    application_id: IDS.application,
    token: `interaction-token-${id}`,
    version: 1 as const,
    app_permissions: ALL_PERMISSIONS,
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    channel: channelOf(place),
    channel_id: place === "guild" ? IDS.guildChannel : IDS.dmChannel,
  };
  return place === "guild"
    ? {
        ...common,
        guild_id: IDS.guild,
        guild_locale: Locale.EnglishUS,
        member: member(HUMAN),
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: IDS.guild },
        context: InteractionContextType.Guild,
      }
    : {
        ...common,
        user: HUMAN,
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: "0" },
        context: InteractionContextType.BotDM,
      };
}

/** The data of a slash command (or of its autocomplete), with the options chosen. */
function chatInput<Options>(name: string, options: Options) {
  return { id: nextSnowflake(), name, type: ApplicationCommandType.ChatInput as const, options };
}

/** A slash command invocation: `/name option:value …`. */
export function slashCommand(
  name: string,
  options: Record<string, string | boolean | { user: string }> = {},
  place: Place = "guild",
) {
  const dataOptions: APIApplicationCommandInteractionDataOption[] = Object.entries(options).map(
    ([optionName, value]) => {
      if (typeof value === "boolean") return { type: ApplicationCommandOptionType.Boolean, name: optionName, value };
      if (typeof value === "object")
        return { type: ApplicationCommandOptionType.User, name: optionName, value: value.user };
      return { type: ApplicationCommandOptionType.String, name: optionName, value };
    },
  );
  // A user option's value is an id; Discord sends the user itself alongside, in `resolved`.
  const users = Object.values(options).flatMap((value) => (typeof value === "object" ? [userWithId(value.user)] : []));
  const resolved =
    users.length > 0 ? { resolved: { users: Object.fromEntries(users.map((user) => [user.id, user])) } } : {};
  return {
    ...base(place),
    type: InteractionType.ApplicationCommand,
    data: { ...chatInput(name, dataOptions), ...resolved },
  };
}

/**
 * A subcommand invocation, `/name subcommand option:value …`; an attachment option's file comes alongside in
 * `resolved`, as Discord sends it (see `FakeDiscord.hostAttachment`).
 */
export function slashSubcommand(
  name: string,
  subcommand: string,
  options: Record<string, string | { attachment: APIAttachment }> = {},
  place: Place = "guild",
) {
  const subOptions: APIApplicationCommandInteractionDataBasicOption[] = Object.entries(options).map(
    ([optionName, value]) =>
      typeof value === "string"
        ? { type: ApplicationCommandOptionType.String, name: optionName, value }
        : { type: ApplicationCommandOptionType.Attachment, name: optionName, value: value.attachment.id },
  );
  const attachments = Object.values(options).flatMap((value) => (typeof value === "string" ? [] : [value.attachment]));
  const resolved =
    attachments.length > 0
      ? { resolved: { attachments: Object.fromEntries(attachments.map((file) => [file.id, file])) } }
      : {};
  const chosen = [{ type: ApplicationCommandOptionType.Subcommand, name: subcommand, options: subOptions }];
  return {
    ...base(place),
    type: InteractionType.ApplicationCommand,
    data: { ...chatInput(name, chosen), ...resolved },
  };
}

/** Someone typing in an autocomplete box: the focused option holds the partial text. */
export function autocomplete(name: string, option: string, partial: string, place: Place = "guild") {
  return {
    ...base(place),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: chatInput(name, [{ type: ApplicationCommandOptionType.String, name: option, value: partial, focused: true }]),
  };
}

/** A click on a button of a message the bot sent. */
export function buttonClick(
  customId: string,
  message: APIMessage,
  place: Place = "guild",
): APIMessageComponentInteraction & { channel_id: string } {
  const payload = {
    ...base(place),
    type: InteractionType.MessageComponent as const,
    data: { component_type: ComponentType.Button as const, custom_id: customId },
    message,
  };
  return payload;
}

/** A submitted form (MODAL_SUBMIT): each text input's value, by its custom_id, one row each as Discord sends them. */
export function modalSubmit(customId: string, values: Record<string, string>, place: Place = "guild") {
  return {
    ...base(place),
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([id, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: id, value }],
      })),
    },
  };
}

/** The message context-menu command ("Apps → Ask the article") on a target message. */
export function messageCommand(name: string, target: APIMessage, place: Place = "guild") {
  return {
    ...base(place),
    type: InteractionType.ApplicationCommand,
    data: {
      id: nextSnowflake(),
      name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}

export interface MessageOptions {
  place?: Place;
  author?: APIUser;
  /** Users the message mentions (Discord fills this from `<@id>` in the content and from replies). */
  mentions?: APIUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  /**
   * The message this one replies to (Discord's reply: type 19, `message_reference` and `referenced_message`). A reply
   * pings the author of the replied message unless `ping` is false: Discord then lists that author in `mentions`.
   */
  replyTo?: APIMessage;
  ping?: boolean;
  /** Posted in this channel of the guild (a thread's id) instead of the guild's text channel. */
  channelId?: string;
  /** When it was posted (milliseconds since the epoch; its id carries the same time); default now. */
  at?: number;
}

/** A MESSAGE_CREATE dispatch: a message a person (or a bot) posted in the guild channel or in a DM. */
export function messageCreate(content: string, options: MessageOptions = {}): GatewayMessageCreateDispatchData {
  const place = options.place ?? "guild";
  const author = options.author ?? HUMAN;
  const at = options.at ?? Date.now();
  const channelId = options.channelId ?? (place === "guild" ? IDS.guildChannel : IDS.dmChannel);
  const replied = options.replyTo;
  const mentions = (options.mentions ?? []).map((user) => ({ ...user }));
  if (replied && (options.ping ?? true) && !mentions.some((user) => user.id === replied.author.id))
    mentions.push({ ...replied.author });
  const message = {
    id: snowflakeAt(at),
    channel_id: channelId,
    author,
    content,
    timestamp: new Date(at).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: options.mentionEveryone ?? false,
    mentions,
    mention_roles: options.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: replied ? MessageType.Reply : MessageType.Default,
    channel_type: (place === "dm"
      ? ChannelType.DM
      : channelId === IDS.guildChannel
        ? ChannelType.GuildText
        : ChannelType.PublicThread) as TextChannelType,
    ...(replied
      ? {
          message_reference: {
            type: MessageReferenceType.Default,
            message_id: replied.id,
            channel_id: replied.channel_id,
            ...(place === "guild" ? { guild_id: IDS.guild } : {}),
          },
          referenced_message: replied,
        }
      : {}),
  };
  return place === "guild"
    ? {
        ...message,
        guild_id: IDS.guild,
        member: {
          roles: [],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0 as GuildMemberFlags,
        },
      }
    : message;
}

/** A message someone else posted, as a context-menu target. */
export function plainMessage(content: string, author: APIUser = HUMAN, place: Place = "guild"): APIMessage {
  const created = messageCreate(content, { place, author });
  return {
    id: created.id,
    channel_id: created.channel_id,
    author: created.author,
    content: created.content,
    timestamp: created.timestamp,
    ...messageDefaults(),
    embeds: [],
    pinned: false,
    type: MessageType.Default,
  };
}

/** A person other than the default reader, e.g. to spread a flood over many users. */
export function userWithId(id: string): APIUser {
  return { id, username: `user${id.slice(-6)}`, discriminator: "0", global_name: null, avatar: null };
}

/** The same interaction, made by another person (in a guild the member's user, in a DM the user). */
export function asUser<T extends object>(payload: T, user: APIUser): T {
  if ("member" in payload && typeof payload.member === "object" && payload.member !== null)
    return { ...payload, member: { ...payload.member, user } };
  return { ...payload, user };
}
