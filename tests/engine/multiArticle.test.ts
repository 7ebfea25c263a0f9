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

describe("GIVEN more articles than one page of bylines", () => {
  const sources = Array.from({ length: 7 }, (_, i) => ({
    slug: `local-news-${i + 1}`,
    file: `local-news-${i + 1}.md`,
    markdown: `---\ntitle: Local news ${i + 1}\nsource: Town Paper ${i + 1}\n---\nThe town council met for the ${i + 1}th time this year.\n`,
  }));
  const many = createEngine(buildKnowledge([...readKnowledgeSources("knowledge"), ...sources]));

  it("WHEN a free-text question about the source asks for page 2 (the Next button) THEN page 2 is given, not page 1 again", () => {
    const first = many.run({ command: "ask", argument: "where does this article come from?", page: 1 });
    const second = many.run({ command: "ask", argument: "where does this article come from?", page: 2 });
    expect(first.page).toEqual({ number: 1, count: 2 });
    expect(second.page).toEqual({ number: 2, count: 2 });
    expect(second.text).not.toBe(first.text);
    expect(second.argument).toBe("where does this article come from?");
  });
});
