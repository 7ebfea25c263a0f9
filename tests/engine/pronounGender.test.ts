import { describe, expect, test } from "vitest";
import { createEngine } from "../../src/engine/engine.js";
import { pronounGender } from "../../src/engine/pronounGender.js";
import { Entity } from "../../src/knowledge/schema.js";
import { loadKnowledge } from "../../src/knowledge/loadKnowledge.js";

const person = (id: string, sentences: number[]) =>
  Entity.parse({ id, name: id, kind: "person", description: id, sentences });

describe("GIVEN an article's own pronouns for its people", () => {
  const sentences = [
    "Ana Ruiz chaired the meeting.",
    "She said the vote would wait.",
    "Ana Ruiz and Tom Bell disagreed; he left early.",
    "Tom Bell spoke last.",
    "His plan was rejected.",
  ];
  const ana = person("ana", [1, 3]);
  const tom = person("tom", [3, 4]);
  const text = (number: number) => sentences[number - 1];

  test("WHEN a person is alone in a sentence and the next goes on with 'she' THEN she is female", () => {
    expect(pronounGender(ana, [ana, tom], text)).toBe("female");
  });

  test("WHEN a sentence names two people THEN its pronouns count for neither", () => {
    expect(pronounGender(tom, [ana, tom], text)).toBe("male");
    expect(pronounGender(person("tom", [3]), [ana, person("tom", [3])], text)).toBeUndefined();
  });

  test("WHEN the article never refers to a person by pronoun THEN nothing is guessed from the name", () => {
    expect(
      pronounGender(person("lee", [4]), [person("lee", [4])], (number) => (number === 4 ? "Lee spoke." : "")),
    ).toBeUndefined();
  });
});

describe("GIVEN the tram article, where the article calls Priya Nair 'she' and James Whitfield 'he'", () => {
  const engine = createEngine(loadKnowledge("tests/fixtures/second-article/knowledge"));
  test("WHEN 'she' follows a turn that named both THEN it is read about Priya Nair", () => {
    const previous = ["what did james whitfield and priya nair say?"];
    expect(engine.ask("what did she say about electricity?", { previous }).about).toBe("Priya Nair");
    expect(engine.ask("what did he say?", { previous }).about).toBe("James Whitfield");
  });
});
