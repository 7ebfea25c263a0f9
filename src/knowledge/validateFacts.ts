import { KnowledgeError } from "./knowledgeError.js";
import type { Article, FactsFile } from "./schema.js";
import { nameKey } from "../text/normalize.js";

/**
 * The invariants zod cannot see because they span the facts file and its article:
 * cited sentences exist, quotes are verbatim, ids are unique, references resolve, aliases do not collide.
 * Returns every problem so an author fixes a file in one pass.
 */
export function findFactProblems(article: Article, facts: FactsFile): string[] {
  const problems: string[] = [];
  const sentenceCount = article.sentences.length;
  const sentenceText = (n: number) => article.sentences[n - 1]?.text;

  const checkRefs = (path: string, refs: readonly number[]) => {
    refs.forEach((n, i) => {
      if (n > sentenceCount)
        problems.push(`${path}[${i}]: sentence ${n} does not exist (the article has ${sentenceCount})`);
    });
  };

  if (facts.summary) checkRefs("summary.sentences", facts.summary.sentences);
  facts.entities.forEach((entity, i) => {
    checkRefs(`entities[${i}].sentences`, entity.sentences);
    entity.roles.forEach((role, j) => checkRefs(`entities[${i}].roles[${j}].sentences`, role.sentences));
  });
  facts.topics.forEach((topic, i) => checkRefs(`topics[${i}].sentences`, topic.sentences));
  facts.timeline.forEach((event, i) => checkRefs(`timeline[${i}].sentences`, event.sentences));
  facts.figures.forEach((figure, i) => {
    checkRefs(`figures[${i}].sentences`, figure.sentences);
    if (!figure.sentences.some((n) => sentenceText(n)?.includes(figure.text))) {
      problems.push(`figures[${i}].text: "${figure.text}" does not appear verbatim in its cited sentences`);
    }
  });

  const entityIds = new Set(facts.entities.map((entity) => entity.id));
  facts.quotes.forEach((quote, i) => {
    const text = sentenceText(quote.sentence);
    if (text === undefined)
      problems.push(
        `quotes[${i}].sentence: sentence ${quote.sentence} does not exist (the article has ${sentenceCount})`,
      );
    else if (!text.includes(quote.text))
      problems.push(`quotes[${i}].text: does not appear verbatim in sentence ${quote.sentence}`);
    if (!entityIds.has(quote.speaker)) problems.push(`quotes[${i}].speaker: no entity has the id "${quote.speaker}"`);
  });
  facts.entities.forEach((entity, i) => {
    entity.related.forEach((id, j) => {
      if (!entityIds.has(id)) problems.push(`entities[${i}].related[${j}]: no entity has the id "${id}"`);
      else if (id === entity.id) problems.push(`entities[${i}].related[${j}]: an entity cannot be related to itself`);
    });
  });
  facts.timeline.forEach((event, i) => {
    event.who.forEach((id, j) => {
      if (!entityIds.has(id)) problems.push(`timeline[${i}].who[${j}]: no entity has the id "${id}"`);
    });
    if (event.where !== undefined && !entityIds.has(event.where))
      problems.push(`timeline[${i}].where: no entity has the id "${event.where}"`);
  });

  const idOwners = new Map<string, string>();
  const kinds = ["entities", "topics", "timeline", "quotes", "figures"] as const;
  for (const kind of kinds) {
    facts[kind].forEach((fact, i) => {
      const earlier = idOwners.get(fact.id);
      if (earlier) problems.push(`${kind}[${i}].id: "${fact.id}" is already used by ${earlier}`);
      else idOwners.set(fact.id, `${kind}[${i}]`);
    });
  }

  const aliasOwners = new Map<string, string>();
  facts.entities.forEach((entity, i) => {
    for (const [j, alias] of [entity.name, ...entity.aliases].entries()) {
      const key = nameKey(alias);
      const owner = aliasOwners.get(key);
      const path = j === 0 ? `entities[${i}].name` : `entities[${i}].aliases[${j - 1}]`;
      if (key === "") problems.push(`${path}: "${alias}" has no letters or digits to match a question on`);
      else if (owner && owner !== entity.id)
        problems.push(`${path}: "${alias}" is also a name of the entity "${owner}"`);
      else aliasOwners.set(key, entity.id);
    }
  });

  return problems;
}

export function assertFactsValid(file: string, article: Article, facts: FactsFile): void {
  const problems = findFactProblems(article, facts);
  if (problems.length > 0) throw new KnowledgeError(problems.map((problem) => `${file}: ${problem}`).join("\n"));
}
