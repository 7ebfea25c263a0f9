/**
 * The questions `npm run bench` asks about articles **without** a facts file, mixed with the seed's. The first
 * question about each article is a cold answer (at scale the engine extracts an uncurated article's facts on first
 * use only, never at start-up), and the bench counts it like any other.
 *
 * - The tram article (tests/fixtures/second-article, no facts file) with its own written questions, answerable ones only.
 * - Synthetic articles: one question each, made of the three rarest words of one of its sentences
 *   ("what about reprisals insults enterprising?"), as a reader asking about a detail of that article.
 */
import { EVALUATION_SETS } from "../evaluation/evaluationSets.js";
import { loadQuestionSet } from "../evaluation/questionSet.js";
import { type ArticleSource, readKnowledgeSources } from "../src/knowledge/loadKnowledge.js";
import { parseArticle } from "../src/knowledge/parseArticle.js";
import { words } from "../src/text/normalize.js";
import { STOPWORDS } from "../src/text/tokenize.js";
import { seededRandom } from "./syntheticCorpus.js";

/** A question about an uncurated article, and the sentence text a right answer cites first. */
export interface UncuratedQuestion {
  text: string;
  article: string;
  /** Any of these texts as the first citation is right (synthetic articles can repeat a sentence of the same address). */
  acceptedTexts: readonly string[];
}

const SECOND_ARTICLE = EVALUATION_SETS.find((set) => set.id === "second-article");

/** The tram article, to be placed among the synthetic ones like the seed. */
export function tramArticleSources(): ArticleSource[] {
  if (!SECOND_ARTICLE) throw new Error("the second-article evaluation set is missing");
  return readKnowledgeSources(SECOND_ARTICLE.knowledgeDirectory);
}

/** The tram article's answerable questions, each checked against its expected sentences. */
function tramQuestions(tram: ArticleSource): UncuratedQuestion[] {
  if (!SECOND_ARTICLE) return [];
  const sentences = parseArticle(tram.file, tram.slug, tram.markdown).sentences;
  return loadQuestionSet(SECOND_ARTICLE.questionSetFile).questions.flatMap((question) => {
    if (!Array.isArray(question.expect)) return [];
    const expected = new Set(question.expect);
    return [
      {
        text: question.q,
        article: tram.slug,
        acceptedTexts: sentences.filter((sentence) => expected.has(sentence.number)).map((sentence) => sentence.text),
      },
    ];
  });
}

/**
 * One question for each of `count` uncurated synthetic articles spread evenly over the knowledge. Rarity is
 * counted over the whole knowledge, so the words point at this article rather than at State of the Union prose
 * in general ("Congress", "government").
 */
function syntheticQuestions(sources: readonly ArticleSource[], count: number): UncuratedQuestion[] {
  const uncurated = sources.filter((source) => source.facts === undefined && source.file.startsWith("synthetic/"));
  const parsed = uncurated.map((source) => parseArticle(source.file, source.slug, source.markdown));
  const articlesUsing = new Map<string, number>();
  for (const article of parsed)
    for (const word of new Set(article.sentences.flatMap((sentence) => words(sentence.text))))
      articlesUsing.set(word, (articlesUsing.get(word) ?? 0) + 1);
  const random = seededRandom(20220121);
  const step = Math.max(1, Math.floor(parsed.length / count));
  const questions: UncuratedQuestion[] = [];
  for (let index = 0; index < parsed.length && questions.length < count; index += step) {
    const article = parsed[index];
    const sentence = article?.sentences[Math.floor(random() * article.sentences.length)];
    if (!article || !sentence) continue;
    const rarest = [...new Set(words(sentence.text))]
      .filter((word) => word.length > 3 && !STOPWORDS.has(word) && !/\d/.test(word))
      .sort((a, b) => (articlesUsing.get(a) ?? 0) - (articlesUsing.get(b) ?? 0) || a.localeCompare(b))
      .slice(0, 3);
    if (rarest.length < 3) continue;
    questions.push({ text: `what about ${rarest.join(" ")}?`, article: article.slug, acceptedTexts: [sentence.text] });
  }
  return questions;
}

/** The tram article's questions and one question for each of `syntheticCount` synthetic articles of `sources`. */
export function uncuratedQuestions(sources: readonly ArticleSource[], syntheticCount: number): UncuratedQuestion[] {
  const tram = sources.find((source) => source.slug === tramArticleSources()[0]?.slug);
  return [...(tram ? tramQuestions(tram) : []), ...syntheticQuestions(sources, syntheticCount)];
}
