import { z } from "zod";

/** Everything the engine can be asked; each Discord slash command maps onto one of these. */
export const CommandName = z.enum([
  "ask",
  "who",
  "aid",
  "demands",
  "when",
  "where",
  "quote",
  "search",
  "summary",
  "source",
  "help",
]);
export type CommandName = z.infer<typeof CommandName>;

export const Citation = z.strictObject({
  /** The article's slug. */
  article: z.string(),
  /** 1-based sentence number within that article. */
  sentence: z.number().int().positive(),
  /** The sentence exactly as the article prints it. */
  text: z.string(),
});
export type Citation = z.infer<typeof Citation>;

/** A suggestion is something the article does cover, phrased as a command a user can run as-is. */
export const Suggestion = z.strictObject({
  label: z.string(),
  query: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Page = z.strictObject({
  number: z.number().int().positive(),
  count: z.number().int().positive(),
});

/** The one value every adapter (console, Discord) renders. */
export const Answer = z.strictObject({
  query: z.string(),
  command: CommandName,
  /**
   * What the command was asked about, cleaned as the engine read it ("Lavrov" for /who Lavrov, the question for ask;
   * empty when the command takes none): `run({ command, argument, page })` gives this answer's other pages.
   */
  argument: z.string(),
  answered: z.boolean(),
  /** The short direct answer, or the plain "the article doesn't say" when answered is false. */
  text: z.string(),
  citations: z.array(Citation),
  /** The source's name, e.g. "Ambito"; several joined when citations span articles. */
  source: z.string(),
  suggestions: z.array(Suggestion),
  /** Set on listing commands (search, when) that paginate. */
  page: Page.optional(),
  /**
   * A follow-up read about an earlier turn's subject ("and where will he meet Blinken?" after "who is Lavrov?"):
   * that subject's name, for the adapters to show as "(about Sergei Lavrov)". `argument` is then the question as read.
   */
  about: z.string().optional(),
});
export type Answer = z.infer<typeof Answer>;

/** A request after parsing: what every adapter hands to the engine. */
/** The languages the engine words its own sentences in (quotes stay as the article prints them). */
export const Language = z.enum(["en", "es"]);
export type Language = z.infer<typeof Language>;

export const EngineRequest = z.strictObject({
  command: CommandName,
  /** The free text or option value; empty when the command takes none. */
  argument: z.string().default(""),
  page: z.number().int().positive().default(1),
  language: Language.default("en"),
});
export type EngineRequest = z.input<typeof EngineRequest>;

export const AutocompleteKind = z.enum(["who", "where", "quote"]);
export type AutocompleteKind = z.infer<typeof AutocompleteKind>;

export const AutocompleteChoice = z.strictObject({ name: z.string().max(100), value: z.string().max(100) });
export type AutocompleteChoice = z.infer<typeof AutocompleteChoice>;

/** A cited sentence with its neighbours, for "Show context". */
export const SentenceContext = z.strictObject({
  article: z.string(),
  title: z.string(),
  source: z.string(),
  focus: z.number().int().positive(),
  sentences: z.array(z.strictObject({ number: z.number().int().positive(), text: z.string() })),
});
export type SentenceContext = z.infer<typeof SentenceContext>;
