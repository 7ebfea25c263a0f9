import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Answer, Language, SentenceContext } from "../engine/answer.js";
import type { Knowledge } from "../knowledge/schema.js";
import { type ButtonState, decodeButton, encodeButton, threadQuestionState } from "./customId.js";
import { DISCORD_LIMITS, inert, truncate } from "./limits.js";
import { type DiscordMessages, discordMessages, MESSAGES } from "./messages.js";

/** Set on every message the bot sends: nothing it writes can ping anyone, not even the person it replies to. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [], repliedUser: false as const });

/** Who a message may ping: nobody by default; exactly the person an answer is suggested for, when there is one. */
export interface AllowedMentions {
  readonly parse: readonly [];
  readonly repliedUser: false;
  readonly users?: readonly string[];
}

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** A message payload discord.js accepts for replies, edits, updates and channel messages alike. */
export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: AllowedMentions;
}

export interface RenderOptions {
  /** An ephemeral answer: adds the "Post to channel" button. */
  private?: boolean;
  /** The id of the person the answer is posted for (the `user` option): headed "Suggested for @user", pinging only them. */
  suggestedFor?: string;
  /** The language of labels, buttons and footer (the asker's locale, or the question's language); English by default. */
  language?: Language;
  /** The recorded question's id: adds Helpful / Not helpful (only when the store records the votes). */
  feedbackFor?: string | undefined;
  /**
   * The question this answer answers, as asked, when the answer is posted publicly in a server's text channel: adds
   * "Follow up in a thread", which carries it (the adapter knows where the answer goes; the renderer does not).
   */
  threadQuestion?: string | undefined;
}

const COLOURS = Object.freeze({ answered: 0x5865f2, abstained: 0x99aab5, help: 0x57f287, context: 0xfee75c });

/** The one function that turns an engine Answer into a Discord message, within every Discord limit. */
export function renderAnswer(answer: Answer, knowledge: Knowledge, options: RenderOptions = {}): RenderedMessage {
  const messages = discordMessages(options.language);
  const titles = citedTitles(answer, knowledge);
  const multipleArticles = new Set(answer.citations.map((citation) => citation.article)).size > 1;
  const fields: APIEmbedField[] = answer.citations.map((citation) => ({
    name: multipleArticles
      ? messages.sentenceInArticle(citation.sentence, titleOf(knowledge, citation.article) ?? citation.article)
      : messages.sentenceHeading(citation.sentence),
    value: `> ${inert(citation.text)}`,
  }));
  const footerParts =
    answer.page && answer.page.count > 1 ? [...titles, messages.pageOf(answer.page.number, answer.page.count)] : titles;
  const embed: APIEmbed = {
    color: answer.command === "help" ? COLOURS.help : answer.answered ? COLOURS.answered : COLOURS.abstained,
    ...(answer.answered ? {} : { title: messages.notInArticleTitle }),
    description: abstentionDescription(answer, messages),
    fields,
    ...(answer.source ? { footer: { text: messages.sourceFooter(answer.source, footerParts) } } : {}),
  };

  const rows: APIButtonComponentWithCustomId[][] = [
    contextButtons(answer, messages),
    pagingButtons(answer, messages),
    answer.answered ? [] : suggestionButtons(answer),
    [
      ...(options.feedbackFor === undefined ? [] : feedbackButtons(options.feedbackFor, messages)),
      ...threadButton(answer, options.threadQuestion, messages),
    ],
    options.private ? postButtons(messages) : [],
  ];
  const message = { embeds: [fitEmbed(embed, messages)], components: toRows(rows), allowedMentions: NO_MENTIONS };
  const person = options.suggestedFor;
  if (person === undefined || !/^\d{17,20}$/.test(person)) return message;
  return {
    ...message,
    content: messages.suggestedFor(`<@${person}>`),
    allowedMentions: { ...NO_MENTIONS, users: [person] },
  };
}

/** "Show context": the cited sentence (bold) with its neighbours. */
export function renderContext(context: SentenceContext, language?: Language): RenderedMessage {
  const messages = discordMessages(language);
  const lines = context.sentences.map((sentence) => {
    const line = `[${sentence.number}] ${inert(sentence.text)}`;
    return sentence.number === context.focus ? `**${line}**` : line;
  });
  const embed: APIEmbed = {
    color: COLOURS.context,
    title: messages.contextTitle(context.focus),
    description: lines.join("\n\n"),
    footer: { text: messages.sourceFooter(context.source, [context.title]) },
  };
  return { embeds: [fitEmbed(embed, messages)], components: [], allowedMentions: NO_MENTIONS };
}

/**
 * "Post to channel": a private answer's embeds and buttons, to be posted publicly, without the "Post to channel"
 * button itself. Reads the message as Discord returns it, so it works on any answer the bot ever sent.
 */
export function repost(embeds: readonly APIEmbed[], rows: readonly { type: number }[]): RenderedMessage {
  const components = rows
    .filter(isButtonRow)
    .map((row) => ({
      ...row,
      components: row.components.filter((component) => decodeButton(component.custom_id)?.kind !== "post"),
    }))
    .filter((row) => row.components.length > 0);
  return { embeds: embeds.map((embed) => fitEmbed(embed)), components, allowedMentions: NO_MENTIONS };
}

function isButtonRow(row: { type: number }): row is ButtonRow {
  if (row.type !== ComponentType.ActionRow || !("components" in row) || !Array.isArray(row.components)) return false;
  return row.components.every(
    (component: unknown) =>
      typeof component === "object" &&
      component !== null &&
      "type" in component &&
      component.type === ComponentType.Button &&
      "custom_id" in component,
  );
}

/** A short plain message (apologies, stale buttons): our own words only. */
export function renderNotice(text: string): RenderedMessage {
  return { content: truncate(text, DISCORD_LIMITS.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

function abstentionDescription(answer: Answer, messages: DiscordMessages): string {
  // A follow-up says first which earlier subject it was read about, so a wrong guess shows at once.
  const about = answer.about === undefined ? "" : `${messages.aboutSubject(inert(answer.about))}\n`;
  const text = `${about}${inert(answer.text)}`;
  // The engine's help says follow-ups work; on Discord they need a reply, a thread or a DM to carry the conversation.
  if (answer.command === "help" && answer.answered) return `${text}\n${messages.followUpHelp}`;
  if (answer.answered || answer.suggestions.length === 0) return text;
  return `${text}\n\n${messages.suggestionsLead}`;
}

function titleOf(knowledge: Knowledge, slug: string): string | undefined {
  return knowledge.articles.find((article) => article.slug === slug)?.meta.title;
}

function citedTitles(answer: Answer, knowledge: Knowledge): string[] {
  const slugs = [...new Set(answer.citations.map((citation) => citation.article))];
  if (slugs.length === 0 && knowledge.articles.length === 1) slugs.push(knowledge.articles[0]?.slug ?? "");
  return slugs
    .map((slug) => titleOf(knowledge, slug))
    .filter((title): title is string => title !== undefined)
    .map((title) => inert(title));
}

function button(
  state: ButtonState,
  label: string,
  style: APIButtonComponentWithCustomId["style"],
  disabled = false,
): APIButtonComponentWithCustomId | undefined {
  const customId = encodeButton(state);
  if (!customId) return undefined;
  return {
    type: ComponentType.Button,
    style,
    custom_id: customId,
    label: truncate(label, DISCORD_LIMITS.buttonLabel),
    ...(disabled ? { disabled } : {}),
  };
}

function defined<T>(values: (T | undefined)[]): T[] {
  return values.filter((value): value is T => value !== undefined);
}

function contextButtons(answer: Answer, messages: DiscordMessages): APIButtonComponentWithCustomId[] {
  const citations = answer.citations.slice(0, DISCORD_LIMITS.buttonsPerRow);
  return defined(
    citations.map((citation) =>
      button(
        { kind: "context", article: citation.article, sentence: citation.sentence },
        citations.length === 1 ? messages.showContext : messages.contextFor(citation.sentence),
        ButtonStyle.Secondary,
      ),
    ),
  );
}

/** Prev/Next re-run the answer's own command and argument for another page (the answer says what it answered). */
function pagingButtons(answer: Answer, messages: DiscordMessages): APIButtonComponentWithCustomId[] {
  const page = answer.page;
  if (!page || page.count <= 1) return [];
  const { command, argument } = answer;
  const previous = button(
    { kind: "page", command, argument, page: Math.max(1, page.number - 1) },
    messages.previousPage,
    ButtonStyle.Primary,
    page.number <= 1,
  );
  const next = button(
    { kind: "page", command, argument, page: Math.min(page.count, page.number + 1) },
    messages.nextPage,
    ButtonStyle.Primary,
    page.number >= page.count,
  );
  return previous && next ? [previous, next] : [];
}

function suggestionButtons(answer: Answer): APIButtonComponentWithCustomId[] {
  return defined(
    answer.suggestions.map((suggestion) =>
      button({ kind: "suggest", query: suggestion.query }, suggestion.label, ButtonStyle.Primary),
    ),
  ).slice(0, DISCORD_LIMITS.buttonsPerRow);
}

function feedbackButtons(question: string, messages: DiscordMessages): APIButtonComponentWithCustomId[] {
  const helpful = button({ kind: "vote", choice: "up", question }, messages.helpful, ButtonStyle.Secondary);
  const notHelpful = button({ kind: "vote", choice: "down", question }, messages.notHelpful, ButtonStyle.Secondary);
  return helpful && notHelpful
    ? [
        { ...helpful, emoji: { name: "👍" } },
        { ...notHelpful, emoji: { name: "👎" } },
      ]
    : [];
}

/** The state of a message's first button of one kind, read back from the message as Discord returns it. */
function buttonStateOf<K extends ButtonState["kind"]>(
  rows: readonly { type: number }[],
  kind: K,
): Extract<ButtonState, { kind: K }> | undefined {
  for (const row of rows.filter(isButtonRow))
    for (const component of row.components) {
      const state = decodeButton(component.custom_id);
      if (state?.kind === kind) return state as Extract<ButtonState, { kind: K }>;
    }
  return undefined;
}

/** The question a message's feedback buttons vote on, read back from the message (for Prev/Next, which redraw it). */
export function feedbackQuestionOf(rows: readonly { type: number }[]): string | undefined {
  return buttonStateOf(rows, "vote")?.question;
}

/** "Follow up in a thread", on answers to a question (help has nothing to follow up). */
function threadButton(
  answer: Answer,
  question: string | undefined,
  messages: DiscordMessages,
): APIButtonComponentWithCustomId[] {
  if (question === undefined || answer.command === "help") return [];
  const state = threadQuestionState(question);
  return defined([state && button(state, messages.followUpInThread, ButtonStyle.Secondary)]).map((component) => ({
    ...component,
    emoji: { name: "🧵" },
  }));
}

/** The question a message's thread button carries, read back from the message (Prev/Next, conversations). */
export function threadQuestionOf(rows: readonly { type: number }[]): string | undefined {
  return buttonStateOf(rows, "thread")?.question;
}

function postButtons(messages: DiscordMessages): APIButtonComponentWithCustomId[] {
  return defined([button({ kind: "post" }, messages.postToChannel, ButtonStyle.Success)]);
}

/** Rows of at most 5 buttons, at most 5 rows, custom_ids unique within the message (Discord rejects duplicates). */
function toRows(groups: APIButtonComponentWithCustomId[][]): ButtonRow[] {
  const seen = new Set<string>();
  const rows: ButtonRow[] = [];
  for (const group of groups) {
    const unique = group.filter((component) => {
      if (seen.has(component.custom_id)) return false;
      seen.add(component.custom_id);
      return true;
    });
    for (let start = 0; start < unique.length; start += DISCORD_LIMITS.buttonsPerRow) {
      if (rows.length >= DISCORD_LIMITS.rows) return rows;
      rows.push({
        type: ComponentType.ActionRow,
        components: unique.slice(start, start + DISCORD_LIMITS.buttonsPerRow),
      });
    }
  }
  return rows;
}

function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    fields
  );
}

/** Applies every embed limit by clean truncation: per-part limits, 25 fields, then 6,000 characters in total. */
export function fitEmbed(embed: APIEmbed, messages: DiscordMessages = MESSAGES): APIEmbed {
  const fitted: APIEmbed = {
    ...embed,
    ...(embed.title !== undefined ? { title: truncate(embed.title, DISCORD_LIMITS.embedTitle) } : {}),
    ...(embed.description !== undefined
      ? { description: truncate(embed.description, DISCORD_LIMITS.embedDescription) }
      : {}),
    ...(embed.footer ? { footer: { ...embed.footer, text: truncate(embed.footer.text, DISCORD_LIMITS.footer) } } : {}),
  };
  const fields = (embed.fields ?? []).map((field) => ({
    ...field,
    name: truncate(field.name, DISCORD_LIMITS.fieldName),
    value: truncate(field.value, DISCORD_LIMITS.fieldValue),
  }));
  let kept = fields.slice(0, DISCORD_LIMITS.embedFields);
  let omitted = fields.length - kept.length;
  const withNote = (list: APIEmbedField[], count: number): APIEmbedField[] =>
    count > 0
      ? [...list.slice(0, DISCORD_LIMITS.embedFields - 1), { name: "\u200b", value: messages.moreNotShown(count) }]
      : list;
  if (omitted > 0) {
    kept = kept.slice(0, DISCORD_LIMITS.embedFields - 1);
    omitted = fields.length - kept.length;
  }
  while (kept.length > 0 && embedLength({ ...fitted, fields: withNote(kept, omitted) }) > DISCORD_LIMITS.embedTotal) {
    kept = kept.slice(0, -1);
    omitted += 1;
  }
  const result: APIEmbed = { ...fitted, fields: withNote(kept, omitted) };
  const excess = embedLength(result) - DISCORD_LIMITS.embedTotal;
  if (excess > 0 && result.description)
    result.description = truncate(result.description, Math.max(1, result.description.length - excess));
  if (result.fields?.length === 0) delete result.fields;
  return result;
}
