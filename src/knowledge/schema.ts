import { z } from "zod";

/** Lower-case, dash-separated identifiers: used in file names, fact ids and Discord custom_ids. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by dashes, e.g. blinken-lavrov");
export type Slug = z.infer<typeof Slug>;

/** A 1-based sentence number within one article. */
export const SentenceNumber = z.number().int().positive();
export const SentenceRefs = z.array(SentenceNumber).min(1, "must cite at least one sentence");

/** The YAML front matter of knowledge/articles/<slug>.md. */
export const ArticleFrontMatter = z.strictObject({
  title: z.string().trim().min(1),
  source: z.string().trim().min(1),
  url: z.url().optional(),
  published: z.string().trim().min(1).optional(),
  byline: z.string().trim().min(1).optional(),
  /** The author's bio paragraph: metadata about the byline, never quoted as article text. */
  author_bio: z.string().trim().min(1).optional(),
  lang: z.string().trim().min(2).default("en"),
});
export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatter>;

export const Sentence = z.strictObject({
  /** 1-based position in the article. */
  number: SentenceNumber,
  /** The sentence exactly as the article prints it. */
  text: z.string().min(1),
});
export type Sentence = z.infer<typeof Sentence>;

export const Article = z.strictObject({
  slug: Slug,
  meta: ArticleFrontMatter,
  sentences: z.array(Sentence).min(1, "an article needs at least one sentence"),
});
export type Article = z.infer<typeof Article>;

export const EntityKind = z.enum(["person", "organisation", "country", "place"]);
export type EntityKind = z.infer<typeof EntityKind>;

export const Role = z.strictObject({
  text: z.string().trim().min(1),
  sentences: SentenceRefs,
  /** True when the article implies the role rather than stating it (e.g. "Russian counterpart" ⇒ foreign minister). */
  inferred: z.boolean().default(false),
});
export type Role = z.infer<typeof Role>;

export const Entity = z.strictObject({
  id: Slug,
  name: z.string().trim().min(1),
  kind: EntityKind,
  /** Other names, spellings, transliterations and descriptions the article or readers use. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** The short direct answer to "who/what is <name>?", in the article's terms. */
  description: z.string().trim().min(1),
  roles: z.array(Role).default([]),
  /**
   * Ids of entities a reader takes this one to speak or act for (the Kremlin for Russia), so that a
   * question about Russia accepts a sentence about the Kremlin.
   */
  related: z.array(Slug).default([]),
  sentences: SentenceRefs,
});
export type Entity = z.infer<typeof Entity>;

export const Topic = z.strictObject({
  id: Slug,
  name: z.string().trim().min(1),
  /** Words a reader may use for the topic, including ones the article never prints ("money", "funding"). */
  keywords: z.array(z.string().trim().min(1)).min(1),
  answer: z.string().trim().min(1),
  sentences: SentenceRefs,
});
export type Topic = z.infer<typeof Topic>;

export const TimelineEvent = z.strictObject({
  id: Slug,
  /** The day or time as the article gives it ("Wednesday"). */
  when: z.string().trim().min(1),
  /** Chronological position; events sharing a day keep the article's order. */
  order: z.number().int().nonnegative(),
  what: z.string().trim().min(1),
  /** Entity ids involved, so "when does Blinken meet Lavrov?" finds the event. */
  who: z.array(Slug).default([]),
  where: Slug.optional(),
  sentences: SentenceRefs,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Quote = z.strictObject({
  id: Slug,
  /** Entity id of the speaker. */
  speaker: Slug,
  /** The quoted words, verbatim as they appear in the cited sentence. */
  text: z.string().min(1),
  sentence: SentenceNumber,
});
export type Quote = z.infer<typeof Quote>;

export const Figure = z.strictObject({
  id: Slug,
  /** As printed ("200 million dollars"). */
  text: z.string().trim().min(1),
  value: z.number().nonnegative(),
  unit: z.string().trim().min(1),
  what: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  sentences: SentenceRefs,
});
export type Figure = z.infer<typeof Figure>;

/** knowledge/facts/<slug>.(yaml|json): hand-curated facts about one article. */
export const FactsFile = z.strictObject({
  summary: z.strictObject({ text: z.string().trim().min(1), sentences: SentenceRefs }).optional(),
  entities: z.array(Entity).default([]),
  topics: z.array(Topic).default([]),
  timeline: z.array(TimelineEvent).default([]),
  quotes: z.array(Quote).default([]),
  figures: z.array(Figure).default([]),
});
export type FactsFile = z.infer<typeof FactsFile>;

/**
 * An article with its curated facts, when a facts file exists. Articles without one get facts
 * extracted automatically by the engine, lazily, so that loading 10,000 articles stays fast.
 */
export const KnowledgeArticle = Article.extend({ facts: FactsFile.optional() });
export type KnowledgeArticle = z.infer<typeof KnowledgeArticle>;

export const Knowledge = z.strictObject({
  articles: z.array(KnowledgeArticle).min(1, "knowledge/articles holds no article"),
});
export type Knowledge = z.infer<typeof Knowledge>;
