import { describe, expect, test } from "vitest";
import { CONVERSATION_SETS, evaluateConversations, loadConversationSet } from "../../evaluation/conversations.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";

/**
 * Conversation sets: every set must be valid (its sentences exist, a real share of its turns are follow-ups); the
 * tuned sets also hold a quality floor. The held-out sets get none: nobody tunes against them.
 */
describe.each(CONVERSATION_SETS.map((set) => [set.id, set] as const))("GIVEN the conversation set %s", (_, set) => {
  const data = loadConversationSet(set.file);
  const article = loadKnowledge(set.knowledgeDirectory).articles.find((candidate) => candidate.slug === data.article);

  test("THEN it is about an article of its knowledge, and every expected sentence exists there", () => {
    expect(article).toBeDefined();
    const count = article?.sentences.length ?? 0;
    const numbers = data.conversations.flatMap(({ turns }) =>
      turns.flatMap((turn) => (Array.isArray(turn.expect) ? turn.expect : [])),
    );
    expect(numbers.filter((number) => number > count)).toEqual([]);
  });

  test("THEN most of its later turns are follow-ups, and some of those are not in the article", () => {
    const later = data.conversations.flatMap(({ turns }) => turns.slice(1));
    const followUps = later.filter((turn) => turn.about !== undefined);
    expect(data.conversations.length).toBeGreaterThanOrEqual(15);
    expect(followUps.length / later.length).toBeGreaterThan(0.7);
    expect(followUps.filter((turn) => turn.expect === "none").length).toBeGreaterThanOrEqual(3);
  });
});

describe.each(CONVERSATION_SETS.filter((set) => !set.heldOut).map((set) => [set.id, set] as const))(
  "GIVEN the tuned conversation set %s, asked turn by turn",
  (_, set) => {
    const metrics = evaluateConversations(set);

    test("THEN follow-ups read in their conversation are right far more often than the same questions asked alone", () => {
      expect(metrics.followUps.rate).toBeGreaterThanOrEqual(metrics.followUpsAlone.rate + 0.1);
      expect(metrics.followUps.rate).toBeGreaterThanOrEqual(0.55);
    });

    test("THEN most follow-ups say they were read about the subject a person means, and turns that stand alone are not misled", () => {
      expect(metrics.readAbout.rate).toBeGreaterThanOrEqual(0.75);
      expect(metrics.standalone.rate).toBe(1);
    });
  },
);
