import { describe, expect, test } from "vitest";
import { analyseQuestion } from "../../src/engine/analyseQuestion.js";
import { createEngine } from "../../src/engine/engine.js";
import { KnowledgeView } from "../../src/engine/knowledgeView.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";
import { defaultWordRelations } from "../../src/lexicon/defaultWordRelations.js";
import { WordRelations } from "../../src/lexicon/wordRelations.js";
import { stem } from "../../src/text/tokenize.js";
import { WordVectors } from "../../src/vectors/wordVectors.js";

const knowledge = loadKnowledge("knowledge");
const withSynonyms = createEngine(knowledge);
const withoutSynonyms = createEngine(knowledge, { relations: WordRelations.empty() });

describe("GIVEN the seed article and WordNet's synonyms and derivations", () => {
  test("WHEN a question words the deadline as a 'reply' THEN the sentence about written 'answers' is cited", () => {
    // Sentence 10: the Kremlin demanded written answers "in the next few days".
    expect(withSynonyms.ask("what deadline did Moscow set for a reply?").citations[0]?.sentence).toBe(10);
    expect(withoutSynonyms.ask("what deadline did Moscow set for a reply?").citations[0]?.sentence).not.toBe(10);
  });

  test("WHEN a word is known only through a synonym THEN it ranks sentences but does not count as a word the article uses", () => {
    const view = new KnowledgeView(knowledge, WordVectors.empty(), defaultWordRelations());
    const question = "how much assistance will the Americans give?";
    const analysed = analyseQuestion(view, question);
    expect(analysed.terms.map(({ term }) => term)).toContain(stem("aid"));
    expect(analysed.contentWords.find((word) => word.word === "assistance")?.known).toBe(false);
    const plain = analyseQuestion(new KnowledgeView(knowledge), question);
    expect(plain.terms.map(({ term }) => term)).not.toContain(stem("aid"));
    expect(analysed.coverage).toBe(plain.coverage);
  });
});
