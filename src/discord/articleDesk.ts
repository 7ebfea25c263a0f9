import {
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  PermissionFlagsBits,
} from "discord.js";
import type { ArticleAttachment, DownloadProblem } from "../guilds/downloadArticle.js";
import { downloadArticle } from "../guilds/downloadArticle.js";
import type { AddResult, GuildKnowledge } from "../guilds/guildKnowledge.js";
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
  { action: "add"; attachment: ArticleAttachment } | { action: "list" } | { action: "remove"; article: string };

export interface ArticleDesk {
  interaction: ChatInputCommandInteraction | ButtonInteraction;
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
      return addArticle(desk, { guildId, knowledge, messages }, request.attachment);
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

type Admission =
  { ok: true; guildId: string; knowledge: GuildKnowledge; messages: DiscordMessages } | { ok: false; refusal: string };

function admitted({ interaction, knowledge }: ArticleDesk): Admission {
  const messages = discordMessages(languageOfLocale(interaction.locale));
  if (!interaction.inGuild()) return { ok: false, refusal: messages.articleGuildOnly };
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild))
    return { ok: false, refusal: messages.articleNotAllowed };
  if (!knowledge) return { ok: false, refusal: messages.articleUnavailable };
  return { ok: true, guildId: interaction.guildId, knowledge, messages };
}

async function addArticle(
  { responder, logger }: ArticleDesk,
  { guildId, knowledge, messages }: { guildId: string; knowledge: GuildKnowledge; messages: DiscordMessages },
  attachment: ArticleAttachment,
): Promise<Outcome> {
  // The download and the new engine may outlast Discord's 3 s window; the deferral is private like the reply.
  await responder.defer();
  const download = await downloadArticle(attachment);
  if (!download.ok) return privateNotice(responder, downloadRefusal(download.problem, messages), "abstained");
  let result: AddResult;
  try {
    result = knowledge.add(guildId, { fileName: attachment.name, markdown: download.text });
  } catch (error) {
    logger.error({ err: error, guildId, file: attachment.name }, "saving a server's article failed");
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
