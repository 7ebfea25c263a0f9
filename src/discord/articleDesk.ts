import {
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
} from "discord.js";
import { type ArticleForm, articleFromForm } from "../guilds/articleFromForm.js";
import { articleFormModal } from "./articleForm.js";
import type { ArticleAttachment, DownloadProblem } from "../guilds/downloadArticle.js";
import { downloadArticle } from "../guilds/downloadArticle.js";
import type { AddResult, GuildKnowledge } from "../guilds/guildKnowledge.js";
import type { Logger } from "../logging/logger.js";
import type { Outcome } from "./commandContext.js";
import { type ButtonState, encodeButton } from "./customId.js";
import { languageOfLocale } from "./language.js";
import { inert } from "./limits.js";
import { type DiscordMessages, discordMessages } from "./messages.js";
import { privateNotice } from "./privateNotice.js";
import { type RenderedMessage, renderNotice } from "./render.js";
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
      const confirm = messages.articleRemoveConfirm(inert(article.meta.title));
      const remove = { kind: "remove-article", article: article.slug } as const;
      await desk.responder.send(withButton(confirm, remove, messages.articleRemoveButton, ButtonStyle.Danger), true);
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
  const upload = articleFromForm(form);
  return addArticle(desk, allowed, upload.fileName, () => allowed.knowledge.add(allowed.guildId, upload));
}

/** The click on "Replace" after a clash: the held upload takes the place of the article it clashed with. */
export async function replaceArticle(desk: ArticleDesk, held: string): Promise<Outcome> {
  const allowed = admitted(desk);
  if (!allowed.ok) return privateNotice(desk.responder, allowed.refusal, "abstained");
  return addArticle(desk, allowed, `held upload ${held}`, () =>
    allowed.knowledge.replaceWithHeld(allowed.guildId, held),
  );
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
  const upload = { fileName: attachment.name, markdown: download.text };
  return addArticle(desk, admitted, upload.fileName, () => admitted.knowledge.add(admitted.guildId, upload));
}

/** Saves an article (`save` validates and writes it) and says how it went; from a button, in place of its message. */
async function addArticle(
  { interaction, responder, logger }: ArticleDesk,
  { guildId, messages }: Admitted,
  file: string,
  save: () => AddResult | undefined,
): Promise<Outcome> {
  const respond = async (message: RenderedMessage, outcome: Outcome): Promise<Outcome> => {
    if (interaction.isButton()) await responder.update(message);
    else await responder.send(message, true);
    return outcome;
  };
  let result: AddResult | undefined;
  try {
    result = save();
  } catch (error) {
    logger.error({ err: error, guildId, file }, "saving a server's article failed");
    return respond(renderNotice(messages.articleDiskError), "error");
  }
  switch (result?.kind) {
    case undefined:
      return respond(renderNotice(messages.staleButton), "stale");
    case "invalid":
      return respond(renderNotice(messages.articleInvalid(inert(result.problems))), "abstained");
    case "clash": {
      const text = messages.articleClash(inert(result.title));
      if (result.held === undefined) return respond(renderNotice(text), "abstained");
      const replace = { kind: "replace-article", held: result.held } as const;
      return respond(withButton(text, replace, messages.articleReplaceButton, ButtonStyle.Primary), "abstained");
    }
    case "added": {
      const { article } = result;
      const firstTwo = article.sentences.slice(0, SENTENCES_SHOWN).map((sentence) => inert(sentence.text));
      const text = messages.articleAdded(inert(article.meta.title), article.sentences.length, firstTwo);
      return respond(renderNotice(text), "answered");
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

/** A private notice with one button under it (Remove, Replace); without the button if its state cannot be encoded. */
function withButton(
  text: string,
  state: ButtonState,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Danger,
): RenderedMessage {
  const customId = encodeButton(state);
  const button = { type: ComponentType.Button, style, custom_id: customId ?? "", label } as const;
  return {
    ...renderNotice(text),
    components: customId ? [{ type: ComponentType.ActionRow, components: [button] }] : [],
  };
}
