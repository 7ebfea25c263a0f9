/**
 * What Discord refuses in a message body, checked the way Discord checks it: a body over a limit gets 400 with
 * code 50035 "Invalid Form Body". The limits are Discord's documented ones (discord-api-types' comments on APIEmbed,
 * RESTPostAPIChannelMessageJSONBody and the button component; https://discord.com/developers/docs/resources/message),
 * written out here rather than imported from the bot, so that a wrong limit in the bot cannot hide itself.
 */
export const DISCORD_RULES = Object.freeze({
  content: 2_000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name, summed over every embed of the message. */
  embedsTotal: 6_000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  modalRows: 5,
  textInputLabel: 45,
  textInputLength: 4_000,
});

/** The 400 answer for the first problem found, or undefined when Discord would accept the body. */
export function refusal(problems: readonly string[]): { status: number; body: unknown } | undefined {
  if (problems.length === 0) return undefined;
  return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors: problems } };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Everything over Discord's limits in a message body (a reply, an edit, a follow-up, a channel message). */
export function messageProblems(body: unknown): string[] {
  const message = record(body);
  const problems: string[] = [];
  const over = (path: string, length: number, limit: number) => {
    if (length > limit) problems.push(`${path}: ${length} is over ${limit}`);
  };
  over("content", text(message.content).length, DISCORD_RULES.content);
  const embeds = list(message.embeds).map(record);
  over("embeds", embeds.length, DISCORD_RULES.embeds);
  let total = 0;
  embeds.forEach((embed, index) => {
    const fields = list(embed.fields).map(record);
    const parts: [string, string, number][] = [
      ["title", text(embed.title), DISCORD_RULES.embedTitle],
      ["description", text(embed.description), DISCORD_RULES.embedDescription],
      ["footer.text", text(record(embed.footer).text), DISCORD_RULES.footer],
      ["author.name", text(record(embed.author).name), DISCORD_RULES.authorName],
      ...fields.flatMap((field, at): [string, string, number][] => [
        [`fields[${at}].name`, text(field.name), DISCORD_RULES.fieldName],
        [`fields[${at}].value`, text(field.value), DISCORD_RULES.fieldValue],
      ]),
    ];
    over(`embeds[${index}].fields`, fields.length, DISCORD_RULES.embedFields);
    for (const [path, value, limit] of parts) {
      over(`embeds[${index}].${path}`, value.length, limit);
      total += value.length;
    }
  });
  over("embeds (all text together)", total, DISCORD_RULES.embedsTotal);
  const rows = list(message.components).map(record);
  over("components", rows.length, DISCORD_RULES.actionRows);
  const customIds = new Set<string>();
  rows.forEach((row, index) => {
    const buttons = list(row.components).map(record);
    over(`components[${index}].components`, buttons.length, DISCORD_RULES.buttonsPerRow);
    buttons.forEach((button, at) => {
      const id = text(button.custom_id);
      over(`components[${index}].components[${at}].custom_id`, id.length, DISCORD_RULES.customId);
      over(`components[${index}].components[${at}].label`, text(button.label).length, DISCORD_RULES.buttonLabel);
      if (customIds.has(id))
        problems.push(`components[${index}].components[${at}].custom_id: ${JSON.stringify(id)} is used twice`);
      customIds.add(id);
    });
  });
  return problems;
}

/** Everything Discord refuses in a form (a MODAL response): its title, its rows of one text input each, their limits. */
export function modalProblems(data: unknown): string[] {
  const modal = record(data);
  const problems: string[] = [];
  const within = (path: string, length: number, limit: number) => {
    if (length < 1 || length > limit) problems.push(`${path}: length ${length} is not within 1–${limit}`);
  };
  within("title", text(modal.title).length, DISCORD_RULES.modalTitle);
  within("custom_id", text(modal.custom_id).length, DISCORD_RULES.customId);
  const rows = list(modal.components).map(record);
  within("components", rows.length, DISCORD_RULES.modalRows);
  rows.forEach((row, index) => {
    const inputs = list(row.components).map(record);
    if (inputs.length !== 1) problems.push(`components[${index}]: a form's row holds exactly one text input`);
    inputs.forEach((input, at) => {
      const path = `components[${index}].components[${at}]`;
      within(`${path}.custom_id`, text(input.custom_id).length, DISCORD_RULES.customId);
      within(`${path}.label`, text(input.label).length, DISCORD_RULES.textInputLabel);
      const max = typeof input.max_length === "number" ? input.max_length : DISCORD_RULES.textInputLength;
      if (max < 1 || max > DISCORD_RULES.textInputLength)
        problems.push(`${path}.max_length: ${max} is not within 1–${DISCORD_RULES.textInputLength}`);
    });
  });
  return problems;
}

/** Everything over Discord's limits in an autocomplete result. */
export function choiceProblems(data: unknown): string[] {
  const choices = list(record(data).choices).map(record);
  const problems: string[] = [];
  if (choices.length > DISCORD_RULES.autocompleteChoices)
    problems.push(`choices: ${choices.length} is over ${DISCORD_RULES.autocompleteChoices}`);
  choices.forEach((choice, index) => {
    const name = text(choice.name);
    if (name.length < 1 || name.length > DISCORD_RULES.choiceName)
      problems.push(`choices[${index}].name: length ${name.length} is not within 1–${DISCORD_RULES.choiceName}`);
    if (String(choice.value ?? "").length > DISCORD_RULES.choiceValue)
      problems.push(`choices[${index}].value: over ${DISCORD_RULES.choiceValue}`);
  });
  return problems;
}
