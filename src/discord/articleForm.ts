import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  type ModalSubmitInteraction,
  TextInputStyle,
} from "discord.js";
import type { ArticleForm } from "../guilds/articleFromForm.js";
import { encodeButton } from "./customId.js";
import { truncate } from "./limits.js";
import type { DiscordMessages } from "./messages.js";

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

export function articleFormModal(messages: DiscordMessages): APIModalInteractionResponseCallbackData {
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
