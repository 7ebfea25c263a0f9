import type { Entity } from "../knowledge/schema.js";
import type { Gender } from "./followUp.js";

const MALE = new Set(["he", "him", "his", "himself"]);
const FEMALE = new Set(["she", "her", "hers", "herself"]);

/**
 * The pronouns an article uses for a person, read from the article itself: in the sentences where they are the only
 * person named, and the sentence after each (where a reporter goes on with "he said …"). No list of names: a name's
 * gender is whatever the article says it is. Undefined when the article does not make it clear.
 */
export function pronounGender(
  person: Entity,
  people: readonly Entity[],
  sentenceText: (sentence: number) => string | undefined,
): Gender | undefined {
  let male = 0;
  let female = 0;
  const others = people.filter((other) => other.id !== person.id);
  const namesAnother = (sentence: number) => others.some((other) => other.sentences.includes(sentence));
  const counted = new Set<number>();
  for (const sentence of person.sentences) {
    if (namesAnother(sentence)) continue;
    for (const number of [sentence, sentence + 1]) {
      if (counted.has(number) || (number !== sentence && namesAnother(number))) continue;
      counted.add(number);
      for (const word of (sentenceText(number) ?? "").toLowerCase().split(/[^\p{L}]+/u)) {
        if (MALE.has(word)) male += 1;
        else if (FEMALE.has(word)) female += 1;
      }
    }
  }
  if (male > female) return "male";
  if (female > male) return "female";
  return undefined;
}
