import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbed } from "discord-api-types/v10";
import type { GapEntry } from "../gaps/gapsReport.js";
import { encodeButton } from "./customId.js";
import { DISCORD_LIMITS, inert, truncate } from "./limits.js";
import { type DiscordMessages, MESSAGES } from "./messages.js";
import { fitEmbed, NO_MENTIONS, type RenderedMessage } from "./render.js";

/** Groups per page: each is a field of a few lines, and five keep the page readable on a phone. */
export const GAPS_PER_PAGE = 5;
const COLOUR = 0xed4245;

/** One page of the gaps report; the page number is clamped to the pages there are. */
export function renderGapsPage(
  entries: readonly GapEntry[],
  view: { days: number; page: number },
  messages: DiscordMessages = MESSAGES,
): RenderedMessage {
  const pages = Math.max(1, Math.ceil(entries.length / GAPS_PER_PAGE));
  const page = Math.min(Math.max(1, view.page), pages);
  const shown = entries.slice((page - 1) * GAPS_PER_PAGE, page * GAPS_PER_PAGE);
  const embed: APIEmbed = {
    color: COLOUR,
    title: messages.gapsTitle(view.days),
    description: entries.length === 0 ? messages.gapsEmpty(view.days) : messages.gapsLead(entries.length),
    fields: shown.map((entry) => ({
      name: truncate(messages.gapsGroupHeading(entry.count, inert(entry.question)), DISCORD_LIMITS.fieldName),
      value: groupLines(entry, messages).join("\n"),
    })),
    ...(pages > 1 ? { footer: { text: messages.pageOf(page, pages) } } : {}),
  };
  return {
    embeds: [fitEmbed(embed, messages)],
    components:
      pages > 1 ? [{ type: ComponentType.ActionRow, components: pageButtons(view.days, page, pages, messages) }] : [],
    allowedMentions: NO_MENTIONS,
  };
}

function groupLines(entry: GapEntry, messages: DiscordMessages): string[] {
  const others = entry.examples.filter((example) => example !== entry.question).map((example) => inert(example));
  return [
    messages.gapsGroupCounts(entry.refused, entry.downVotes, Math.floor(Date.parse(entry.lastAsked) / 1000)),
    ...(others.length > 0 ? [truncate(messages.gapsAlsoAsked(others.join(" | ")), 300)] : []),
    entry.nearest
      ? truncate(messages.gapsNearest(entry.nearest.sentence, inert(entry.nearest.text)), 500)
      : messages.gapsNoNearest,
  ];
}

function pageButtons(
  days: number,
  page: number,
  pages: number,
  messages: DiscordMessages,
): APIButtonComponentWithCustomId[] {
  const to = (target: number, label: string, disabled: boolean): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    // Both ids always fit: two numbers of at most four digits.
    custom_id: encodeButton({ kind: "gaps", days, page: target }) ?? "",
    label,
    ...(disabled ? { disabled } : {}),
  });
  return [
    to(Math.max(1, page - 1), messages.previousPage, page <= 1),
    to(Math.min(pages, page + 1), messages.nextPage, page >= pages),
  ];
}
