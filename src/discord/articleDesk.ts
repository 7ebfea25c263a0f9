import {
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  TextInputStyle,
} from "discord.js";
import { type ArticleForm, articleFromForm } from "../guilds/articleFromForm.js";
import type { ArticleAttachment, DownloadProblem } from "../guilds/downloadArticle.js";
import { downloadArticle } from "../guilds/downloadArticle.js";
import type { AddResult, ArticleUpload, GuildKnowledge } from "../guilds/guildKnowledge.js";
import type { Logger } from "../logging/logger.js";
import type { Outcome } from "./commandContext.js";
import { encodeButton } from "./customId.js";
import { languageOfLocale } from "./language.js";
import { DISCORD_LIMITS, inert, truncate } from "./limits.js";
import { type DiscordMessages, discordMessages } from "./messages.js";
import { privateNotice } from "./privateNotice.js";
import { NO_MENTIONS, type RenderedMessage, renderNotice } from "./render.js";
import type { Responder } from "./responder.js";

/** What `/article` asks of the adapter. */
export type ArticleRequest =
  /** Without an attachment, the bot opens the "Add an article" form. */
  | { action: "add"; attachment: ArticleAttachment | undefined }
  | { action: "list" }
  | { action: "remove"; article: string };

export interface ArticleDesk {
  interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;
  responder: Responder;
  /** Undefined when the bot runs without a data folder for servers' articles. */
  knowledge: GuildKnowledge | undefined;
  logger: Logger;
}

/** How many of an added article's sentences the reply quotes, so the admin sees the split is right. */
const SENTENCES_SHOWN = 2;

/**
 * A server's own articles, managed privately by members with Manage Server. As for /gaps, the permission is
 * checked here and again on the confirm button: `default_member_permissions` only hides the command.
 */
export async function manageArticles(desk: ArticleDesk, request: ArticleRequest): Promise<Outcome> {
  const allowed = admitted(desk);
  if (!allowed.ok) return privateNotice(desk.responder, allowed.refusal, "abstained");
  const { guildId, knowledge, messages } = allowed;
  switch (request.action) {
    case "add":
      if (!request.attachment) {
        await desk.responder.showModal(articleFormModal(messages));
        return "answered";
      }
      return addAttachment(desk, { guildId, knowledge, messages }, request.attachment);
    case "list": {
      const articles = knowledge.list(guildId);
      const text =
        articles.length === 0
          ? messages.articleListEmpty
          : [
              messages.articleListLead(articles.length),
              ...articles.map((article) =>
                messages.articleListLine(article.slug, inert(article.meta.title), article.sentences.length),
              ),
            ].join("\n");
      return privateNotice(desk.responder, text, "answered");
    }
    case "remove": {
      const wanted = request.article.trim().toLowerCase();
      const article = knowledge
        .list(guildId)
        .find((known) => known.slug === wanted || known.meta.title.trim().toLowerCase() === wanted);
      if (!article) return privateNotice(desk.responder, messages.articleNotFound(inert(request.article)), "abstained");
      await desk.responder.send(confirmRemoval(article.slug, article.meta.title, messages), true);
      return "answered";
    }
  }
}

/** The click on "Remove": the article goes, and the confirmation message says so (its button with it). */
export async function removeArticle(desk: ArticleDesk, slug: string): Promise<Outcome> {
  const allowed = admitted(desk);
  if (!allowed.ok) return privateNotice(desk.responder, allowed.refusal, "abstained");
  const { guildId, knowledge, messages } = allowed;
  const article = knowledge.list(guildId).find((known) => known.slug === slug);
  if (!article) return privateNotice(desk.responder, messages.articleNotFound(slug), "stale");
  try {
    knowledge.remove(guildId, slug);
  } catch (error) {
    desk.logger.error({ err: error, guildId, article: slug }, "removing a server's article failed");
    return privateNotice(desk.responder, messages.articleDiskError, "error");
  }
  await desk.responder.update(renderNotice(messages.articleRemoved(inert(article.meta.title))));
  return "answered";
}

type Admission = ({ ok: true } & Admitted) | { ok: false; refusal: string };

function admitted({ interaction, knowledge }: ArticleDesk): Admission {
  const messages = discordMessages(languageOfLocale(interaction.locale));
  if (!interaction.inGuild()) return { ok: false, refusal: messages.articleGuildOnly };
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    return { ok: false, refusal: messages.articleNotAllowed };
  if (!knowledge) return { ok: false, refusal: messages.articleUnavailable };
  return { ok: true, guildId: interaction.guildId, knowledge, messages };
}

/** The submitted "Add an article" form: the same checks as an attached file, from the same Markdown. */
export async function submitArticleForm(desk: ArticleDesk, form: ArticleForm): Promise<Outcome> {
  const allowed = admitted(desk);
  if (!allowed.ok) return privateNotice(desk.responder, allowed.refusal, "abstained");
  await desk.responder.defer();
  return addArticle(desk, allowed, articleFromForm(form));
}

interface Admitted {
  guildId: string;
  knowledge: GuildKnowledge;
  messages: DiscordMessages;
}

async function addAttachment(desk: ArticleDesk, admitted: Admitted, attachment: ArticleAttachment): Promise<Outcome> {
  // The download and the new engine may outlast Discord's 3 s window; the deferral is private like the reply.
  await desk.responder.defer();
  const download = await downloadArticle(attachment);
  if (!download.ok)
    return privateNotice(desk.responder, downloadRefusal(download.problem, admitted.messages), "abstained");
  return addArticle(desk, admitted, { fileName: attachment.name, markdown: download.text });
}

async function addArticle(
  { responder, logger }: ArticleDesk,
  { guildId, knowledge, messages }: Admitted,
  upload: ArticleUpload,
): Promise<Outcome> {
  let result: AddResult;
  try {
    result = knowledge.add(guildId, upload);
  } catch (error) {
    logger.error({ err: error, guildId, file: upload.fileName }, "saving a server's article failed");
    return privateNotice(responder, messages.articleDiskError, "error");
  }
  switch (result.kind) {
    case "invalid":
      return privateNotice(responder, messages.articleInvalid(inert(result.problems)), "abstained");
    case "clash":
      return privateNotice(responder, messages.articleClash(inert(result.title)), "abstained");
    case "added": {
      const { article } = result;
      const firstTwo = article.sentences.slice(0, SENTENCES_SHOWN).map((sentence) => inert(sentence.text));
      const text = messages.articleAdded(inert(article.meta.title), article.sentences.length, firstTwo);
      return privateNotice(responder, text, "answered");
    }
  }
}

function downloadRefusal(problem: DownloadProblem, messages: DiscordMessages): string {
  switch (problem) {
    case "wrong-type":
      return messages.articleWrongType;
    case "too-large":
      return messages.articleTooLarge;
    case "not-text":
      return messages.articleNotText;
    case "empty":
      return messages.articleEmpty;
    case "failed":
      return messages.articleDownloadFailed;
  }
}

/** Discord's limits on a form: a text input holds at most 4,000 characters; a title, a label, 45. */
const FORM_LIMITS = Object.freeze({ title: 45, label: 45, short: 300, body: 4_000 });

/** The form's fields, in order; their custom_ids are the keys of ArticleForm. */
const FORM_FIELDS = [
  { id: "title", label: "articleFormTitleLabel", style: TextInputStyle.Short, max: FORM_LIMITS.short, required: true },
  {
    id: "source",
    label: "articleFormSourceLabel",
    style: TextInputStyle.Short,
    max: FORM_LIMITS.short,
    required: true,
  },
  { id: "url", label: "articleFormUrlLabel", style: TextInputStyle.Short, max: FORM_LIMITS.short, required: false },
  { id: "body", label: "articleFormBodyLabel", style: TextInputStyle.Paragraph, max: FORM_LIMITS.body, required: true },
] as const satisfies readonly {
  id: keyof ArticleForm;
  label: keyof DiscordMessages;
  style: TextInputStyle;
  max: number;
  required: boolean;
}[];

function articleFormModal(messages: DiscordMessages): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeButton({ kind: "article-form" }) ?? "",
    title: truncate(messages.articleFormTitle, FORM_LIMITS.title),
    components: FORM_FIELDS.map((field) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: field.id,
          label: truncate(messages[field.label], FORM_LIMITS.label),
          style: field.style,
          max_length: field.max,
          required: field.required,
        },
      ],
    })),
  };
}

/** The form's values as submitted; a field Discord did not send (a stale or forged form) reads as empty. */
export function readArticleForm(interaction: ModalSubmitInteraction): ArticleForm {
  const value = (id: keyof ArticleForm): string => {
    const field = interaction.fields.fields.get(id);
    return field && "value" in field && typeof field.value === "string" ? field.value : "";
  };
  return { title: value("title"), source: value("source"), url: value("url"), body: value("body") };
}

function confirmRemoval(slug: string, title: string, messages: DiscordMessages): RenderedMessage {
  const customId = encodeButton({ kind: "remove-article", article: slug });
  return {
    content: truncate(messages.articleRemoveConfirm(inert(title)), DISCORD_LIMITS.content),
    embeds: [],
    components: customId
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Danger,
                custom_id: customId,
                label: messages.articleRemoveButton,
              },
            ],
          },
        ]
      : [],
    allowedMentions: NO_MENTIONS,
  };
}
