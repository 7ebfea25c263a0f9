/** End to end: the real discord.js client, connected to the fake Discord, answering slash commands, autocomplete, buttons and the context menu. */
import { ApplicationCommandType } from "discord-api-types/v10";
import { describe, expect, test } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import type { AnswerEngine } from "../../src/engine/engine.js";
import {
  customIds,
  type InteractionResponse,
  messageFromResponse,
  useSharedHarness,
} from "../support/discordHarness.js";
import {
  autocomplete,
  buttonClick,
  messageCommand,
  type Place,
  plainMessage,
  slashCommand,
} from "../../fakeDiscord/index.js";
import { OPTIONS, SLASH_COMMAND_NAMES } from "../support/commandOptions.js";
import { seedSentenceContaining, sentenceNumberContaining } from "../support/seedEngine.js";

const EPHEMERAL = 64;
const REPLY = 4;
const UPDATE = 7;
const AUTOCOMPLETE_RESULT = 8;
const SLUG = "blinken-lavrov-geneva";
/** Read from the real knowledge, so the test follows the article rather than a copy of it. */
const LAVROV_SENTENCE = seedSentenceContaining("Sergei Lavrov");
const LAVROV_NUMBER = sentenceNumberContaining("Sergei Lavrov");

const harness = useSharedHarness();

function expectNoPing(response: InteractionResponse): void {
  expect(response.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
}

function isEphemeral(response: InteractionResponse): boolean {
  return ((response.data?.flags ?? 0) & EPHEMERAL) !== 0;
}

function lastLogFor(command: string) {
  return harness.logs.filter((line) => line.command === command && line.latencyMs !== undefined).at(-1);
}

describe.each<Place>(["guild", "dm"])("every slash command, in a %s", (place) => {
  test.each(SLASH_COMMAND_NAMES)(
    `GIVEN /%s THEN the bot replies at once with a cited embed naming the source, and nothing can ping`,
    async (name) => {
      const response = await harness.interact(slashCommand(name, OPTIONS[name] ?? {}, place));
      expect(response.type).toBe(REPLY);
      expect(isEphemeral(response)).toBe(false);
      expectNoPing(response);
      const embed = response.data?.embeds?.[0];
      expect(embed?.description?.length).toBeGreaterThan(0);
      expect(embed?.footer?.text).toMatch(/^Source: Ambito · Blinken to meet Lavrov in Geneva/);
      if (!["help", "source"].includes(name)) expect(embed?.fields?.[0]?.name).toMatch(/^Sentence \d+$/);
    },
  );
});

describe("answers", () => {
  test("GIVEN /who name:Lavrov THEN the embed names Sergei Lavrov, quotes his sentence 1 and cites Ambito", async () => {
    const response = await harness.interact(slashCommand("who", { name: "Lavrov" }));
    const embed = response.data?.embeds?.[0];
    expect(embed?.description).toContain("Sergei Lavrov");
    expect(embed?.fields?.[0]).toEqual({ name: `Sentence ${LAVROV_NUMBER}`, value: `> ${LAVROV_SENTENCE}` });
    expect(embed?.footer?.text).toContain("Source: Ambito");
    await harness.fake.settle(50);
    expect(lastLogFor("who")).toMatchObject({ kind: "slash", command: "who", outcome: "answered", place: "guild" });
  });

  test("GIVEN a question the article does not answer THEN the reply says so and offers suggestions as buttons", async () => {
    const response = await harness.interact(slashCommand("ask", { question: "What is the capital of France?" }));
    const embed = response.data?.embeds?.[0];
    expect(embed?.title).toBe("Not in the article");
    expect(embed?.fields).toBeUndefined();
    expect(customIds(response.data).filter((id) => id.startsWith("v1:sg:")).length).toBeGreaterThan(0);
  });

  test("GIVEN /ask with private:true THEN the answer is ephemeral with a Post to channel button, which posts it publicly", async () => {
    const response = await harness.interact(
      slashCommand("ask", { question: "where will Blinken meet Lavrov?", private: true }),
    );
    expect(response.type).toBe(REPLY);
    expect(isEphemeral(response)).toBe(true);
    expect(customIds(response.data)).toContain("v1:post");

    const posted = await harness.interact(buttonClick("v1:post", messageFromResponse(response)));
    expect(posted.type).toBe(REPLY);
    expect(isEphemeral(posted)).toBe(false);
    expectNoPing(posted);
    expect(posted.data?.embeds?.[0]?.description).toBe(response.data?.embeds?.[0]?.description);
    expect(posted.data?.embeds?.[0]?.fields).toEqual(response.data?.embeds?.[0]?.fields);
    expect(customIds(posted.data)).not.toContain("v1:post");
    expect(customIds(posted.data).some((id) => id.startsWith("v1:ctx:"))).toBe(true);
  });

  test("GIVEN /search with private:true THEN the ranked sentences are ephemeral, and Post to channel posts them with their Prev/Next", async () => {
    const response = await harness.interact(slashCommand("search", { words: "Russia", private: true }));
    expect(isEphemeral(response)).toBe(true);
    expect(customIds(response.data)).toEqual(expect.arrayContaining(["v1:post", "v1:pg:search:2:Russia"]));

    const posted = await harness.interact(buttonClick("v1:post", messageFromResponse(response)));
    expect(posted.type).toBe(REPLY);
    expect(isEphemeral(posted)).toBe(false);
    expect(posted.data?.embeds).toEqual(response.data?.embeds);
    expect(customIds(posted.data)).toEqual(customIds(response.data).filter((id) => id !== "v1:post"));
  });

  test("GIVEN an unknown command name (e.g. removed after a deploy) THEN a polite ephemeral message", async () => {
    const response = await harness.interact(slashCommand("launch", {}));
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.content).toMatch(/don't know that command/);
  });
});

describe("buttons", () => {
  test("GIVEN Show context on an answer THEN the cited sentence comes back with its neighbours, ephemerally", async () => {
    const answer = await harness.interact(slashCommand("who", { name: "Lavrov" }));
    const contextId = customIds(answer.data).find((id) => id === `v1:ctx:${SLUG}:1`);
    expect(contextId).toBeDefined();
    const response = await harness.interact(buttonClick(contextId ?? "", messageFromResponse(answer)));
    expect(response.type).toBe(REPLY);
    expect(isEphemeral(response)).toBe(true);
    const embed = response.data?.embeds?.[0];
    expect(embed?.title).toBe("Sentence 1 in context");
    expect(embed?.description).toContain(`**[${LAVROV_NUMBER}] ${LAVROV_SENTENCE}**`);
    expect(embed?.description).toContain("[2] Russia has deployed tens of thousands of troops");
    expect(embed?.footer?.text).toContain("Source: Ambito");
  });

  test("GIVEN /search over several pages THEN Next updates the message to page 2 and Prev goes back to page 1", async () => {
    const first = await harness.interact(slashCommand("search", { words: "Russia" }));
    const count = Number(/Page 1 of (\d+)$/.exec(first.data?.embeds?.[0]?.footer?.text ?? "")?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(customIds(first.data)).toEqual(expect.arrayContaining(["v1:pg:search:1:Russia", "v1:pg:search:2:Russia"]));

    const second = await harness.interact(buttonClick("v1:pg:search:2:Russia", messageFromResponse(first)));
    expect(second.type).toBe(UPDATE);
    expectNoPing(second);
    expect(second.data?.embeds?.[0]?.footer?.text).toMatch(new RegExp(`Page 2 of ${count}$`));
    const firstSentences = first.data?.embeds?.[0]?.fields?.map((field) => field.name);
    const secondSentences = second.data?.embeds?.[0]?.fields?.map((field) => field.name);
    expect(secondSentences).not.toEqual(firstSentences);

    const back = await harness.interact(buttonClick("v1:pg:search:1:Russia", messageFromResponse(second)));
    expect(back.data?.embeds?.[0]?.fields?.map((field) => field.name)).toEqual(firstSentences);
  });

  test("GIVEN a paged /where list THEN Next shows its second page", async () => {
    const first = await harness.interact(slashCommand("where", {}));
    const next = customIds(first.data).find((id) => id.startsWith("v1:pg:where:2"));
    expect(next).toBeDefined();
    const second = await harness.interact(buttonClick(next ?? "", messageFromResponse(first)));
    expect(second.type).toBe(UPDATE);
    expect(second.data?.embeds?.[0]?.footer?.text).toMatch(/Page 2 of \d+$/);
  });

  test("GIVEN a suggestion button on an abstention THEN clicking it answers that suggestion privately", async () => {
    const abstention = await harness.interact(slashCommand("ask", { question: "What is the capital of France?" }));
    const suggestion = customIds(abstention.data).find((id) => id === "v1:sg:/who Blinken");
    expect(suggestion).toBeDefined();
    const response = await harness.interact(buttonClick(suggestion ?? "", messageFromResponse(abstention)));
    expect(response.type).toBe(REPLY);
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.embeds?.[0]?.description).toContain("Blinken");
    expect(response.data?.embeds?.[0]?.title).toBeUndefined();
  });

  test.each([
    "v0:old-format",
    "v1:ctx:no-such-article:1",
    "v1:ctx:blinken-lavrov-geneva:99",
    "v1:pg:launch:2:x",
    "garbage",
    "v1:sg:",
  ])("GIVEN the stale or forged custom_id %j THEN a polite ephemeral message", async (customId) => {
    const response = await harness.interact(buttonClick(customId, plainMessage("an old answer")));
    expect(response.type).toBe(REPLY);
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.content).toMatch(/expired|no longer in the article/);
    expectNoPing(response);
  });

  test("GIVEN Post to channel on a message that is already public THEN it is not posted twice", async () => {
    const response = await harness.interact(buttonClick("v1:post", plainMessage("a public answer")));
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.content).toMatch(/already visible/);
  });
});

describe("autocomplete", () => {
  async function choices(command: string, option: string, partial: string): Promise<string[]> {
    const response = await harness.interact(autocomplete(command, option, partial));
    expect(response.type).toBe(AUTOCOMPLETE_RESULT);
    const list = response.data?.choices ?? [];
    expect(list.length).toBeLessThanOrEqual(25);
    for (const choice of list) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
    return list.map((choice) => choice.name);
  }

  test("GIVEN a typo in /who THEN the right name comes first", async () => {
    expect((await choices("who", "name", "lavrof"))[0]).toBe("Sergei Lavrov");
  });

  test("GIVEN a partial name THEN it is completed", async () => {
    expect((await choices("who", "name", "zelen"))[0]).toBe("Volodimir Zelensky");
  });

  test("GIVEN an alias in /where THEN the article's name for the place is suggested", async () => {
    expect(await choices("where", "place", "kyiv")).toContain("Kiev");
  });

  test("GIVEN an empty box THEN the main names are shown", async () => {
    const names = await choices("who", "name", "");
    expect(names).toEqual(expect.arrayContaining(["Blinken", "Sergei Lavrov"]));
    expect(await choices("quote", "speaker", "")).toContain("Blinken");
  });

  test.each(["\u0000💥'; DROP TABLE", "(((((", ".*+?[", "@everyone", "x".repeat(6_000), "🇺🇦".repeat(60)])(
    "GIVEN garbage %j THEN a valid (possibly empty) list, at once",
    async (partial) => {
      const started = Date.now();
      await choices("who", "name", partial);
      expect(Date.now() - started).toBeLessThan(3_000);
    },
  );
});

describe("the context menu command", () => {
  test("GIVEN Ask the article on a message THEN its text is answered privately, with a Post to channel button", async () => {
    const target = plainMessage("Where will Blinken meet Lavrov?");
    const response = await harness.interact(messageCommand("Ask the article", target));
    expect(response.type).toBe(REPLY);
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.embeds?.[0]?.description).toContain("Geneva");
    expect(customIds(response.data)).toContain("v1:post");
    expectNoPing(response);
  });

  test("GIVEN Ask the article on a message without text THEN a short private explanation", async () => {
    const response = await harness.interact(messageCommand("Ask the article", plainMessage("")));
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.content).toMatch(/no text/);
  });

  test("GIVEN Ask the article in a DM THEN it answers too", async () => {
    const response = await harness.interact(
      messageCommand("Ask the article", plainMessage("who is Lavrov?", undefined, "dm"), "dm"),
    );
    expect(response.data?.embeds?.[0]?.description).toContain("Lavrov");
  });
});

describe("a handler that throws", () => {
  const broken: AnswerEngine = {
    get knowledge() {
      return harness.realEngine.knowledge;
    },
    ask: () => {
      throw new Error("engine exploded");
    },
    run: () => {
      throw new Error("engine exploded");
    },
    autocomplete: () => {
      throw new Error("engine exploded");
    },
    context: () => {
      throw new Error("engine exploded");
    },
    mayTakeLong: () => false,
    needsContext: () => {
      throw new Error("engine exploded");
    },
  };

  test("GIVEN the engine throws THEN the user gets a short ephemeral apology, the error is logged, and the next command is answered", async () => {
    harness.engine.current = broken;
    const response = await harness.interact(slashCommand("who", { name: "Lavrov" }));
    expect(response.type).toBe(REPLY);
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.content).toMatch(/^Sorry, something went wrong/);
    await harness.fake.settle(50);
    const logged = harness.logs.find((line) => line.outcome === "error" && line.command === "who");
    expect(logged).toMatchObject({ level: 50, kind: "slash" });
    expect(JSON.stringify(logged)).toContain("engine exploded");

    harness.engine.current = harness.realEngine;
    const next = await harness.interact(slashCommand("who", { name: "Lavrov" }));
    expect(next.data?.embeds?.[0]?.description).toContain("Sergei Lavrov");
  });

  test("GIVEN autocomplete throws THEN Discord still gets an (empty) answer", async () => {
    harness.engine.current = broken;
    const response = await harness.interact(autocomplete("who", "name", "lav"));
    expect(response).toEqual({ type: AUTOCOMPLETE_RESULT, data: { choices: [] } });
  });

  test("GIVEN a button handler throws THEN an ephemeral apology", async () => {
    harness.engine.current = broken;
    const response = await harness.interact(buttonClick(`v1:ctx:${SLUG}:1`, plainMessage("answer")));
    expect(isEphemeral(response)).toBe(true);
    expect(response.data?.content).toMatch(/^Sorry/);
  });
});

describe("logs", () => {
  test("GIVEN handled events THEN each has one structured line with kind, command, outcome and latency, and the token appears nowhere", async () => {
    await harness.interact(slashCommand("aid", {}));
    await harness.fake.settle(50);
    const line = lastLogFor("aid");
    expect(line).toMatchObject({ kind: "slash", command: "aid", outcome: "answered", place: "guild" });
    expect(typeof line?.latencyMs).toBe("number");
    expect(harness.logText()).not.toContain("s3cr3t");
  });
});

describe("GIVEN the user option (show an answer to someone)", () => {
  const SOMEONE = "1100000000000000777";

  test("WHEN /who name:Lavrov user:@someone THEN the answer is public, headed 'Suggested for @someone', and may ping exactly that person", async () => {
    const response = await harness.interact(slashCommand("who", { name: "Lavrov", user: { user: SOMEONE } }));
    expect(response.type).toBe(REPLY);
    expect(response.data?.flags ?? 0).toBe(0);
    expect(response.data?.content).toBe(`Suggested for <@${SOMEONE}>`);
    expect(response.data?.embeds?.[0]?.fields?.map((field) => field.value)).toContain(`> ${LAVROV_SENTENCE}`);
    expect(response.data?.allowed_mentions).toEqual({ parse: [], users: [SOMEONE], replied_user: false });
  });

  test("WHEN user is combined with private THEN it is refused privately with a short explanation, and nobody is pinged", async () => {
    const response = await harness.interact(
      slashCommand("ask", { question: "where will Blinken meet Lavrov?", private: true, user: { user: SOMEONE } }),
    );
    expect(response.data?.flags).toBe(EPHEMERAL);
    expect(response.data?.content).toContain("can't also be private");
    expect(response.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  test("THEN every answering command offers the option, and the others do not", () => {
    const withUser = COMMANDS.filter(
      (command) =>
        command.data.type === ApplicationCommandType.ChatInput &&
        (command.data.options ?? []).some((option) => option.name === "user"),
    ).map((command) => command.data.name);
    expect(withUser.sort()).toEqual(["aid", "ask", "demands", "quote", "search", "when", "where", "who"]);
  });
});

describe("GIVEN a person whose Discord is in Spanish", () => {
  test("WHEN /who name:Lavrov THEN labels, buttons and the footer are in Spanish ('Fuente: Ambito'), and the quote is verbatim", async () => {
    const payload = { ...slashCommand("who", { name: "Lavrov" }), locale: "es-ES" };
    const response = await harness.interact(payload);
    const embed = response.data?.embeds?.[0];
    expect(embed?.footer?.text).toMatch(/^Fuente: Ambito/);
    expect(embed?.fields?.[0]).toEqual({ name: `Frase ${LAVROV_NUMBER}`, value: `> ${LAVROV_SENTENCE}` });
    const labels = (response.data?.components ?? []).flatMap((row) => row.components.map((button) => button.label));
    expect(labels).toContain(`Contexto: frase ${LAVROV_NUMBER}`);
  });

  test("WHEN the article does not say THEN the refusal and its suggestions are in Spanish too (es-419)", async () => {
    const payload = { ...slashCommand("ask", { question: "¿cuál es la capital de Francia?" }), locale: "es-419" };
    const response = await harness.interact(payload);
    const embed = response.data?.embeds?.[0];
    expect(embed?.title).toBe("No está en el artículo");
    expect(embed?.description).toMatch(/^El artículo no dice /);
  });
});
