/** The fixed questions of `npm run bench`, with the seed sentences that answer them. */

export const SEED_SLUG = "blinken-lavrov-geneva";

/** A question a reader of the seed article asks, and the seed sentences that answer it ("abstain": the article does not). */
export interface BenchQuestion {
  text: string;
  expect: readonly number[] | "abstain";
}

const DEMANDS = [3, 10, 13, 18] as const;
const MEETING = [1, 9] as const;
const BLINKEN = [1, 4, 8, 9, 11, 15] as const;

export const BENCH_QUESTIONS: readonly BenchQuestion[] = Object.freeze([
  { text: "who is Lavrov?", expect: MEETING },
  { text: "who is lavrof?", expect: MEETING },
  { text: "Who is Sergey Lavrov", expect: MEETING },
  { text: "where will Blinken meet Lavrov?", expect: MEETING },
  { text: "when will Blinken meet Lavrov?", expect: MEETING },
  { text: "wher wil blinkn meet lavrov", expect: MEETING },
  { text: "how much aid did Washington announce?", expect: [6] },
  { text: "$200 million", expect: [6] },
  { text: "200M in security aid", expect: [6] },
  { text: "what does the Kremlin demand?", expect: DEMANDS },
  { text: "what about NATO expansion to the east?", expect: [3, 10, 18] },
  { text: "what does the Kremlin want about military exercises in Eastern Europe?", expect: [18] },
  { text: "who is Zelensky?", expect: [4, 7, 17] },
  { text: "who is Zelenskyy", expect: [4, 7, 17] },
  { text: "who is Dmytro Kuleba?", expect: [4, 14] },
  { text: "who is the head of US diplomacy?", expect: BLINKEN },
  { text: "who is Jens Stoltenberg?", expect: [17] },
  { text: "how many troops has Russia deployed on the border?", expect: [2] },
  { text: "what did Blinken say about Putin?", expect: [5] },
  { text: "what happens if Russia invades Ukraine?", expect: [15, 2] },
  { text: "where does Blinken go on Thursday?", expect: [8] },
  { text: "what did Zelensky thank the United States for?", expect: [7] },
  { text: "will Blinken give a written response to Russia?", expect: [1, 11] },
  { text: "how did Moscow react to the threats?", expect: [16, 13] },
  { text: "what did Kuleba hope from the Geneva talks?", expect: [14] },
  { text: "¿quién es Lavrov?", expect: MEETING },
  { text: "¿dónde se reunirán Blinken y Lavrov?", expect: MEETING },
  { text: "¿cuánta ayuda anunció Washington?", expect: [6] },
  { text: "¿qué exige el Kremlin?", expect: DEMANDS },
  { text: "¿cuándo se reúne Blinken con Lavrov en Ginebra?", expect: MEETING },
  { text: "/who Lavrov", expect: MEETING },
  { text: "/aid", expect: [6] },
  { text: "/demands", expect: DEMANDS },
  { text: "/where Geneva", expect: [1, 9, 14] },
  { text: "<@123456789012345678> who is Kuleba?", expect: [4, 14] },
  { text: "What is the capital of France?", expect: "abstain" },
  { text: "who is Macron?", expect: "abstain" },
]);
