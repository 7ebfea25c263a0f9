import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine/engine.js";
import { buildKnowledge, readKnowledgeSources } from "../../src/knowledge/loadKnowledge.js";

const otherArticle = {
  slug: "budget-vote",
  file: "budget-vote.md",
  markdown:
    "---\ntitle: Parliament votes the budget\nsource: Capital Times\n---\nThe capital's parliament voted the budget on Monday.\nThe finance minister said the capital needs 3 billion euros for new schools.\n",
};
const engine = createEngine(buildKnowledge([...readKnowledgeSources("knowledge"), otherArticle]));

describe("GIVEN several articles", () => {
  it("WHEN a question's words occur only in another article THEN it is not answered from the article that has the name", () => {
    const answer = engine.ask("What is the capital of France?");
    expect(answer.answered).toBe(false);
  });

  it("THEN each article's questions are answered from that article, with its own source", () => {
    const budget = engine.ask("how much does the capital need for schools?");
    expect(budget.citations[0]?.article).toBe("budget-vote");
    expect(budget.source).toBe("Capital Times");
    const lavrov = engine.ask("who is Lavrov?");
    expect(lavrov.citations[0]?.article).toBe("blinken-lavrov-geneva");
    expect(lavrov.source).toBe("Ambito");
  });

  it("THEN an abstention names the knowledge's sources", () => {
    expect(engine.ask("who won the world cup?").source).toBe("Ambito, Capital Times");
  });
});
