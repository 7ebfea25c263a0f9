import { stemmer } from "stemmer";

/**
 * Words that carry no topic in a question or a sentence, English and Spanish. Question words are
 * here too: the question type is read separately (queryIntent.ts), so they must not weigh in ranking.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but if of to in on at by for from with about as into onto over under after before than then so " +
    "is are was were be been being am do does did doing done have has had having will would shall should can could may might must " +
    "i me my we our us you your he him his she her it its they them their this that these those there here what which who whom whose " +
    "when where why how much many any some all each every no not nor only own same such too very just also again still ever " +
    "tell say says said know think please explain article news story text bot hey hi hello okay ok thanks anything something " +
    "el la los las un una unos unas y o de del al a en con por para que qué quien quién quienes dónde donde cuando cuándo cuanto cuánto cuanta cuánta " +
    "cuantos cuántos cuantas cuántas como cómo cual cuál porque por qué es son fue era ser está están estar ha han hay se su sus lo le les me mi " +
    "dice dijo dicho sobre articulo artículo noticia " +
    // chat shorthand, as people type in Discord
    "whats hows wheres whos whens pls plz please thx ty u ur ya anyway btw lol ok okay so " +
    // question and helper words as commonly mistyped
    "wher whre wat wht waht whn wen hw hwo woh wil wll cn dont doesnt didnt wont cant isnt arent"
  ).split(/\s+/),
);

/**
 * Irregular English forms the Porter stemmer leaves apart ("met" vs "meet", "written" vs "write").
 * A closed class: the common irregular verbs and plurals, nothing domain-specific.
 */
const IRREGULAR_FORMS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    (
      "met:meet said:say told:tell went:go gone:go goes:go took:take taken:take gave:give given:give made:make " +
      "wrote:write written:write held:hold brought:bring sent:send spent:spend began:begin begun:begin " +
      "thought:think sought:seek bought:buy fought:fight knew:know known:know saw:see seen:see came:come " +
      "became:become ran:run left:leave led:lead kept:keep felt:feel found:find stood:stand understood:understand " +
      "spoke:speak spoken:speak chose:choose chosen:choose drew:draw drawn:draw grew:grow grown:grow " +
      "threw:throw thrown:throw rose:rise risen:rise fell:fall fallen:fall broke:break broken:break " +
      "meant:mean paid:pay laid:lay lost:lose won:win sold:sell built:build dealt:deal struck:strike " +
      "men:man women:woman people:person children:child"
    )
      .split(" ")
      .map((pair) => pair.split(":") as [string, string]),
  ),
);

export function stem(word: string): string {
  if (/^\d/.test(word)) return word;
  return stemmer(IRREGULAR_FORMS[word] ?? word);
}
