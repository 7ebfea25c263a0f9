import { describe, expect, it, test } from "vitest";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import type { FactsFile, KnowledgeArticle } from "../../src/knowledge/schema.js";
import { splitSentences } from "../../src/knowledge/sentences.js";
import { findFactProblems } from "../../src/knowledge/validateFacts.js";
import { nameKey, words } from "../../src/text/normalize.js";

// The curated facts of the seed article, tested like code: the bot's answers are built from them.

function loadSeed(): { article: KnowledgeArticle; facts: FactsFile } {
  const article = loadKnowledge("knowledge").articles.find((candidate) => candidate.slug === "blinken-lavrov-geneva");
  if (!article?.facts) throw new Error("the seed article or its curated facts did not load");
  return { article, facts: article.facts };
}

const { article, facts } = loadSeed();
const sentenceText = (n: number): string => {
  const sentence = article.sentences[n - 1];
  if (!sentence) throw new Error(`sentence ${n} does not exist`);
  return sentence.text;
};

/** Every sentence citation in the facts file, with the path of the field that makes it. */
function citations(): { path: string; sentence: number }[] {
  const out: { path: string; sentence: number }[] = [];
  const add = (path: string, refs: readonly number[]) =>
    refs.forEach((sentence, i) => out.push({ path: `${path}[${i}]`, sentence }));
  if (facts.summary) add("summary.sentences", facts.summary.sentences);
  facts.entities.forEach((entity, i) => {
    add(`entities[${i}].sentences`, entity.sentences);
    entity.roles.forEach((role, j) => add(`entities[${i}].roles[${j}].sentences`, role.sentences));
  });
  facts.topics.forEach((topic, i) => add(`topics[${i}].sentences`, topic.sentences));
  facts.timeline.forEach((event, i) => add(`timeline[${i}].sentences`, event.sentences));
  facts.quotes.forEach((quote, i) => add(`quotes[${i}].sentence`, [quote.sentence]));
  facts.figures.forEach((figure, i) => add(`figures[${i}].sentences`, figure.sentences));
  return out;
}

/** True when the folded words of `phrase` occur, in order and adjacent, among the folded words of `text`. */
function mentions(text: string, phrase: string): boolean {
  const haystack = words(text);
  const needle = words(phrase);
  return needle.length > 0 && haystack.some((_, start) => needle.every((word, k) => haystack[start + k] === word));
}

const entityByName = new Map<string, string>();
for (const entity of facts.entities)
  for (const name of [entity.name, ...entity.aliases]) entityByName.set(nameKey(name), entity.id);
const entityById = new Map(facts.entities.map((entity) => [entity.id, entity]));

describe("the seed facts file is internally consistent", () => {
  it("GIVEN the seed facts THEN the loader's own invariant check finds no problem", () => {
    expect(findFactProblems(article, facts)).toEqual([]);
  });

  it("GIVEN every sentence citation in the facts THEN each points at one of the article's 18 sentences", () => {
    const all = citations();
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter(({ sentence }) => sentence < 1 || sentence > article.sentences.length)).toEqual([]);
  });

  it("GIVEN the whole facts file THEN every sentence of the article is cited by at least one fact", () => {
    const cited = new Set(citations().map(({ sentence }) => sentence));
    expect(article.sentences.map((sentence) => sentence.number).filter((n) => !cited.has(n))).toEqual([]);
  });

  it("GIVEN every quote THEN its text appears verbatim in the sentence it cites", () => {
    for (const quote of facts.quotes) expect(sentenceText(quote.sentence), quote.id).toContain(quote.text);
  });

  it("GIVEN every “…” span the article prints THEN a quote fact records it, so /quote can list it with a speaker", () => {
    for (const sentence of article.sentences) {
      for (const [, span = ""] of sentence.text.matchAll(/“([^”]+)”/g)) {
        const words = span.replace(/[,.]+$/, "");
        const recorded = facts.quotes.some((quote) => quote.sentence === sentence.number && quote.text === words);
        expect(recorded, `sentence ${sentence.number}: “${span}”`).toBe(true);
      }
    }
  });

  it("GIVEN every quote THEN its speaker is an entity that itself cites the quote's sentence", () => {
    for (const quote of facts.quotes)
      expect(entityById.get(quote.speaker)?.sentences, quote.id).toContain(quote.sentence);
  });

  it("GIVEN the direct quotes THEN each has the speaker the article gives it", () => {
    const speakers = Object.fromEntries(facts.quotes.map((quote) => [quote.sentence, quote.speaker]));
    expect(speakers).toEqual({
      5: "blinken",
      6: "united-states",
      7: "zelensky",
      10: "kremlin",
      11: "blinken",
      12: "blinken",
      14: "kuleba",
      15: "blinken",
      17: "stoltenberg",
    });
  });

  it("GIVEN all entities, topics, timeline events, quotes and figures THEN no two share an id", () => {
    const ids = [facts.entities, facts.topics, facts.timeline, facts.quotes, facts.figures].flatMap((list) =>
      list.map((fact) => fact.id),
    );
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("GIVEN every entity's name and aliases THEN no folded name belongs to two entities, and no spelling is listed twice", () => {
    const owners = new Map<string, Set<string>>();
    for (const entity of facts.entities) {
      // Accented spellings ("Berlín") stay listed beside the plain ones on purpose: readers and autocomplete see them.
      const spellings = [entity.name, ...entity.aliases].map((name) => name.toLowerCase());
      expect(
        spellings.filter((spelling, i) => spellings.indexOf(spelling) !== i),
        entity.id,
      ).toEqual([]);
      for (const name of [entity.name, ...entity.aliases])
        owners.set(nameKey(name), (owners.get(nameKey(name)) ?? new Set()).add(entity.id));
    }
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });

  it("GIVEN every quote speaker and timeline who/where THEN each resolves to an entity, and every where is a place or country", () => {
    const references = [
      ...facts.quotes.map((quote) => quote.speaker),
      ...facts.timeline.flatMap((event) => [...event.who, ...(event.where ? [event.where] : [])]),
    ];
    expect(references.filter((id) => !entityById.has(id))).toEqual([]);
    for (const event of facts.timeline)
      if (event.where) expect(["place", "country"], event.id).toContain(entityById.get(event.where)?.kind);
  });

  it("GIVEN every entity THEN it cites each sentence that prints its name or one of its aliases", () => {
    for (const entity of facts.entities) {
      const naming = article.sentences
        .filter((sentence) => [entity.name, ...entity.aliases].some((name) => mentions(sentence.text, name)))
        .map((sentence) => sentence.number);
      expect(
        naming.filter((n) => !entity.sentences.includes(n)),
        entity.id,
      ).toEqual([]);
    }
  });

  it("GIVEN a role the article states (not inferred) THEN its words appear in one of the sentences it cites", () => {
    for (const entity of facts.entities) {
      for (const role of entity.roles.filter((candidate) => !candidate.inferred)) {
        const stated = role.sentences.some((n) =>
          words(role.text).every((word) => words(sentenceText(n)).includes(word)),
        );
        expect(stated, `${entity.id}: "${role.text}"`).toBe(true);
      }
    }
  });

  it("GIVEN the topics THEN no reader keyword belongs to two topics", () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const topic of facts.topics) {
      for (const keyword of topic.keywords) {
        const owner = owners.get(nameKey(keyword));
        if (owner && owner !== topic.id) clashes.push(`${keyword}: ${owner} and ${topic.id}`);
        owners.set(nameKey(keyword), topic.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("GIVEN the timeline THEN orders are unique and the days run Wednesday, Thursday, Friday", () => {
    const ordered = [...facts.timeline].sort((a, b) => a.order - b.order);
    expect(new Set(ordered.map((event) => event.order)).size).toBe(ordered.length);
    const days = ordered.map((event) => event.when).filter((day, i, all) => all.indexOf(day) === i);
    expect(days).toEqual(["Wednesday", "Thursday", "Friday"]);
    for (const event of facts.timeline)
      expect(
        event.sentences.some((n) => sentenceText(n).includes(event.when)),
        event.id,
      ).toBe(true);
  });
});

describe("the seed facts answer what readers ask", () => {
  test.each([
    ...[
      "Zelensky",
      "Zelenskyy",
      "Zelenski",
      "Zelenskiy",
      "Volodimir",
      "Volodymyr",
      "Volodymyr Zelenskyy",
      "Ukrainian president",
    ].map((name) => [name, "zelensky"]),
    ...["Kuleba", "Dmitro", "Dmytro", "Dmytro Kuleba", "head of Ukrainian diplomacy", "Ukraine's foreign minister"].map(
      (name) => [name, "kuleba"],
    ),
    ...["Lavrov", "Sergei", "Sergey", "Sergey Lavrov", "Russian counterpart", "Russian foreign minister"].map(
      (name) => [name, "lavrov"],
    ),
    ...[
      "Blinken",
      "Antony Blinken",
      "US Secretary of State",
      "Secretary of State",
      "head of US diplomacy",
      "head of American diplomacy",
    ].map((name) => [name, "blinken"]),
    ...["Putin", "Vladimir Putin", "President Putin"].map((name) => [name, "putin"]),
    ...["Stoltenberg", "Jens", "NATO Secretary General"].map((name) => [name, "stoltenberg"]),
    ...["Kiev", "Kyiv", "Kiew"].map((name) => [name, "kiev"]),
    ...["NATO", "OTAN", "North Atlantic Treaty Organization", "the Alliance"].map((name) => [name, "nato"]),
    ...["Geneva", "Ginebra", "Genève", "Genf", "GINEBRA"].map((name) => [name, "geneva"]),
    ...["United States", "US", "U.S.", "USA", "EE.UU.", "EEUU", "Washington", "America"].map((name) => [
      name,
      "united-states",
    ]),
    ...["Russia", "Rusia", "Russian Federation"].map((name) => [name, "russia"]),
    ...["Moscow", "Moscú", "Kremlin", "the Kremlin", "Russia's government"].map((name) => [name, "kremlin"]),
    ...["Ukraine", "Ucrania"].map((name) => [name, "ukraine"]),
    ...["Berlin", "Berlín"].map((name) => [name, "berlin"]),
    ...["Germany", "Alemania"].map((name) => [name, "germany"]),
    ...["France", "Francia"].map((name) => [name, "france"]),
    ...["United Kingdom", "UK", "Britain", "Reino Unido"].map((name) => [name, "united-kingdom"]),
    ...["Eastern Europe"].map((name) => [name, "eastern-europe"]),
    ...["Westerners", "the West"].map((name) => [name, "the-west"]),
  ])("GIVEN the name %s THEN it resolves to the entity %s", (name, id) => {
    expect(entityByName.get(nameKey(name))).toBe(id);
  });

  it("GIVEN Lavrov THEN his description leads with his role, marks it as inferred and says where and when he meets Blinken", () => {
    const lavrov = entityById.get("lavrov");
    expect(lavrov?.name).toBe("Sergei Lavrov");
    expect(lavrov?.description).toMatch(/^Russia's foreign minister \(inferred: .*counterpart.*\).*Friday in Geneva/);
    expect(lavrov?.roles.find((role) => role.text === "Russia's foreign minister")?.inferred).toBe(true);
    expect(lavrov?.roles.find((role) => role.text === "Blinken's Russian counterpart")?.inferred).toBe(false);
  });

  it("GIVEN Blinken THEN his first name appears only as an inference, since the article never prints it", () => {
    const blinken = entityById.get("blinken");
    expect(blinken?.name).toBe("Blinken");
    expect(blinken?.description).toMatch(/\(Antony Blinken, inferred/);
    expect(article.sentences.some((sentence) => sentence.text.includes("Antony"))).toBe(false);
    expect(blinken?.sentences).toEqual([1, 4, 5, 8, 9, 11, 12, 15]);
  });

  it("GIVEN roles the article only implies THEN each is marked inferred", () => {
    const inferred = (id: string, text: string) =>
      entityById.get(id)?.roles.find((role) => role.text === text)?.inferred;
    expect(inferred("kuleba", "Ukraine's foreign minister")).toBe(true);
    expect(inferred("kuleba", "head of Ukrainian diplomacy")).toBe(true);
    expect(inferred("putin", "President of Russia")).toBe(true);
    expect(inferred("blinken", "US Secretary of State")).toBe(false);
  });

  test.each([
    [
      "aid",
      [
        "money",
        "funding",
        "funds",
        "assistance",
        "help",
        "military aid",
        "dollars",
        "package",
        "weapons",
        "ayuda",
        "dinero",
      ],
    ],
    ["troops", ["soldiers", "army", "forces", "military buildup", "border", "invasion", "tropas"]],
    ["demands", ["demands", "conditions", "ultimatum", "exigencias"]],
    ["meeting", ["meeting", "summit", "talks", "reunión", "encuentro"]],
    ["consequences", ["sanctions", "consequences", "consecuencias"]],
    ["nato-enlargement", ["enlargement", "expansion", "OTAN"]],
    ["written-response", ["in writing", "written response", "document", "por escrito"]],
  ])("GIVEN the %s topic THEN readers' words, English and Spanish, point to it", (id, keywords) => {
    const topic = facts.topics.find((candidate) => candidate.id === id);
    const folded = new Set(topic?.keywords.map(nameKey));
    expect(keywords.filter((keyword) => !folded.has(nameKey(keyword)))).toEqual([]);
  });

  it("GIVEN the Friday event THEN it is Blinken meeting Lavrov in Geneva, citing sentences 1 and 9", () => {
    const friday = facts.timeline.find((event) => event.when === "Friday");
    expect(friday).toMatchObject({ who: ["blinken", "lavrov"], where: "geneva", sentences: [1, 9] });
  });

  it("GIVEN the Wednesday meeting in Kiev THEN it cites sentence 4 and the 'After his visit to Kiev' sentence 8", () => {
    const kiev = facts.timeline.find((event) => event.where === "kiev");
    expect(kiev).toMatchObject({ when: "Wednesday", sentences: [4, 8] });
    expect(kiev?.who).toEqual(expect.arrayContaining(["blinken", "zelensky", "kuleba"]));
  });

  it("GIVEN the aid figure THEN it is 200,000,000 USD and every way of writing it is an alias", () => {
    const aid = facts.figures.find((figure) => figure.value === 200_000_000);
    expect(aid).toMatchObject({ text: "200 million dollars", unit: "USD", sentences: [6] });
    expect(aid?.aliases).toEqual(
      expect.arrayContaining([
        "$200 million",
        "$200M",
        "200M",
        "200 million",
        "US$200 million",
        "200 millones de dólares",
      ]),
    );
  });

  it("GIVEN the troop figure THEN its value is a lower bound and says so", () => {
    const troops = facts.figures.find((figure) => figure.text === "tens of thousands");
    expect(troops?.value).toBe(10_000);
    expect(troops?.what).toMatch(/lower bound/);
    expect(troops?.sentences).toEqual([2]);
  });

  it("GIVEN the summary THEN it is two or three sentences and cites the meeting, the troops and the demands", () => {
    const summary = facts.summary;
    expect(summary && splitSentences(summary.text).length).toBeGreaterThanOrEqual(2);
    expect(summary && splitSentences(summary.text).length).toBeLessThanOrEqual(3);
    expect(summary?.sentences).toEqual(expect.arrayContaining([1, 2, 3, 9]));
  });
});
