import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/knowledge/parseArticle.js";
import { splitSentences } from "../../src/knowledge/sentences.js";

/** The seed article's sentences as every fact, test and answer numbers them (1-based). These numbers are fixed. */
const SEED_SENTENCES = [
  "Blinken, who will meet his Russian counterpart Sergei Lavrov on Friday in Geneva, he also announced that he will not provide a written response to a series of Russian demands at that meeting, despite Moscow’s insistence.",
  "Russia has deployed tens of thousands of troops on its border with Ukraine, raising fears of an invasion.",
  "Although it denies any warlike intention, the Kremlin insists that a de-escalation requires guarantees for its security, in particular the commitment not to expand the OTAN to the east, integrating Ukraine.",
  "The US Secretary of State, who met this Wednesday with the Ukrainian president Volodimir Zelensky and his counterpart Dmitro Kuleba, indicated that the ball is now on Russia’s side.",
  "“I strongly hope that we can stay on a peaceful and diplomatic track, but ultimately, this is President Putin’s decision,” he said.",
  "Washington also announced “an additional 200 million dollars for defense and security aid” from Ukraine, which will surely irritate Russia, which may see it as a threat.",
  "President Zelensky, who often laments an apparent lack of Western commitment to his country in the face of Russia, thanked the United States on Wednesday for its “military help” in “difficult times.”",
  "After his visit to Kiev, the head of US diplomacy is expected in Berlin on Thursday to discuss with Germany, France and the United Kingdom.",
  "And, above all, on Friday, Blinken must meet with his Russian counterpart in Geneva, to try to resume dialogue.",
  "The Kremlin demanded again on Wednesday written answers “in the next few days” to its demands, in particular regarding the non-enlargement of NATO.",
  "Blinken, for his part, stressed that he will not present “any document” in writing.",
  "“We have to see where we are located and if there are still opportunities,” he said.",
  "Moscow has stressed that its demands are non-negotiable and the United States regards the main ones as unacceptable.",
  "The head of Ukrainian diplomacy said he hoped that the talks in Geneva would lead to “less aggressive and more constructive behavior on the part of Russia.”",
  "Blinken reaffirmed on Wednesday that the United States and its allies will impose “very severe consequences” on Russia in the event of an invasion or aggression against Ukraine.",
  "Moscow downplayed these threats.",
  "NATO Secretary General Jens Stoltenberg assured Zelensky of his support “in the face of the threat from Russia.”",
  "To overcome these tensions, the Kremlin demands, in addition to an agreement prohibiting any expansion of NATO, that Westerners give up organizing military exercises and deployments in Eastern Europe.",
];

describe("splitSentences", () => {
  it("GIVEN the seed article THEN it yields exactly the 18 fixed sentences, verbatim, numbered from 1", () => {
    const markdown = readFileSync("knowledge/articles/blinken-lavrov-geneva.md", "utf8");
    const article = parseArticle("knowledge/articles/blinken-lavrov-geneva.md", "blinken-lavrov-geneva", markdown);
    expect(article.sentences.map((sentence) => sentence.text)).toEqual(SEED_SENTENCES);
    expect(article.sentences.map((sentence) => sentence.number)).toEqual(SEED_SENTENCES.map((_, i) => i + 1));
  });

  it("GIVEN a sentence ending inside closing quotes THEN the quote mark stays with its sentence", () => {
    expect(splitSentences("He thanked them for “difficult times.” Moscow downplayed it.").map((s) => s.text)).toEqual([
      "He thanked them for “difficult times.”",
      "Moscow downplayed it.",
    ]);
  });

  it("GIVEN paragraphs without final punctuation, CRLF line ends and blank lines THEN each paragraph ends a sentence and blanks are skipped", () => {
    expect(
      splitSentences("A headline without a full stop\r\n\r\n  Second paragraph. Third sentence.\n").map((s) => s.text),
    ).toEqual(["A headline without a full stop", "Second paragraph.", "Third sentence."]);
  });

  it("GIVEN only whitespace THEN there is no sentence", () => {
    expect(splitSentences(" \n\t\n")).toEqual([]);
  });
});
