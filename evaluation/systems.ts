import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { AnswerEngine } from "../src/engine/engine.js";
import { stemmer } from "stemmer";
import type { Article } from "../src/knowledge/schema.js";

/** One cited sentence, as a system ranks it. */
export interface RankedSentence {
  article: string;
  sentence: number;
  text: string;
}

/** What a system replied to one question, reduced to what the evaluation scores. */
export interface SystemReply {
  answered: boolean;
  /** The engine's command; baselines have none. */
  command?: string;
  /** The answer text (a baseline's answer is its top sentence). */
  text: string;
  /** Best first. */
  ranked: RankedSentence[];
}

/** A question-answering system under evaluation. */
export interface EvaluatedSystem {
  id: string;
  label: string;
  reply(question: string): SystemReply;
}

/** This project's engine: top-1 is the first citation; an abstention is answered: false. */
export function engineSystem(engine: AnswerEngine): EvaluatedSystem {
  return {
    id: "engine",
    label: "This engine",
    reply(question) {
      const answer = engine.ask(question);
      return {
        answered: answer.answered,
        command: answer.command,
        text: answer.text,
        ranked: answer.citations.map((citation) => ({
          article: citation.article,
          sentence: citation.sentence,
          text: citation.text,
        })),
      };
    },
  };
}

/** Every sentence of the articles, in order, as the baselines index them. */
function sentencesOf(articles: readonly Article[]): RankedSentence[] {
  return articles.flatMap((article) =>
    article.sentences.map((sentence) => ({ article: article.slug, sentence: sentence.number, text: sentence.text })),
  );
}

/** The naive baseline: fuse.js 7 with its default options over the raw sentences; it abstains only when fuse finds nothing. */
export function fuseBaseline(articles: readonly Article[]): EvaluatedSystem {
  const sentences = sentencesOf(articles);
  const fuse = new Fuse(sentences.map((sentence) => sentence.text));
  return {
    id: "fuse",
    label: "fuse.js (defaults)",
    reply(question) {
      const ranked = fuse.search(question).flatMap((result) => sentences[result.refIndex] ?? []);
      return { answered: ranked.length > 0, text: ranked[0]?.text ?? "", ranked };
    },
  };
}

/** Common English function words: a BM25 index without them does not match every sentence on "the". */
const ENGLISH_STOP_WORDS = new Set(
  (
    "a about after again all also am an and any are as at be been before being but by can could did do does doing done for from had has have he her " +
    "here him his how i if in into is it its just me more most my no not now of on or other our out over own said say says she should so some such " +
    "than that the their them then there these they this those to too under until up very was we were what when where which while who whom whose " +
    "why will with would you your"
  ).split(" "),
);

/**
 * A well-configured BM25 library baseline: MiniSearch over the sentences with English stop words
 * removed and Porter stems (the same stemmer the engine uses), exact terms only; abstains only when
 * nothing matches.
 */
export function miniSearchBaseline(articles: readonly Article[]): EvaluatedSystem {
  const sentences = sentencesOf(articles);
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ["text"],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return ENGLISH_STOP_WORDS.has(lower) ? null : stemmer(lower);
    },
  });
  index.addAll(sentences.map((sentence, id) => ({ id, text: sentence.text })));
  return {
    id: "minisearch",
    label: "MiniSearch (BM25, stems)",
    reply(question) {
      const ranked = index
        .search(question)
        .flatMap((result) => (typeof result.id === "number" ? (sentences[result.id] ?? []) : []));
      return { answered: ranked.length > 0, text: ranked[0]?.text ?? "", ranked };
    },
  };
}
