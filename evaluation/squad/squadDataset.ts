import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { ArticleSource } from "../../src/knowledge/loadKnowledge.js";

/**
 * SQuAD 2.0 (Rajpurkar et al., 2018; CC BY-SA 4.0): Wikipedia articles split into paragraphs, each with
 * crowd-written questions. Unanswerable questions carry `is_impossible: true` (and `plausible_answers`,
 * which are not answers). SQuAD 1.1 files have no `is_impossible`: every question is answerable.
 */
const SquadAnswer = z.object({ text: z.string(), answer_start: z.number().int().optional() });
const SquadQuestion = z.object({
  id: z.string(),
  question: z.string(),
  answers: z.array(SquadAnswer).default([]),
  is_impossible: z.boolean().default(false),
});
const SquadParagraph = z.object({ context: z.string(), qas: z.array(SquadQuestion) });
const SquadArticleData = z.object({ title: z.string().min(1), paragraphs: z.array(SquadParagraph).min(1) });
export const SquadFile = z.object({ version: z.string().optional(), data: z.array(SquadArticleData).min(1) });

export interface SquadQuestion {
  id: string;
  question: string;
  /** Gold answer texts (distinct); empty for an unanswerable question. */
  answers: string[];
  impossible: boolean;
}

export interface SquadArticle {
  title: string;
  slug: string;
  paragraphs: string[];
  questions: SquadQuestion[];
}

/** "Computational_complexity_theory" → "computational-complexity-theory", a valid knowledge slug. */
export function slugOf(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `squad-${slug || "article"}`;
}

function readSquadFile(file: string): SquadArticle[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not a JSON file: ${(error as Error).message}`, { cause: error });
  }
  const parsed = SquadFile.safeParse(data);
  if (!parsed.success) throw new Error(`${file}: not SQuAD format:\n${z.prettifyError(parsed.error)}`);
  return parsed.data.data.map((article) => ({
    title: article.title,
    slug: slugOf(article.title),
    paragraphs: article.paragraphs.map((paragraph) => paragraph.context.replace(/\s+/g, " ").trim()),
    questions: article.paragraphs.flatMap((paragraph) =>
      paragraph.qas.map((qa) => ({
        id: qa.id,
        question: qa.question.trim(),
        answers: qa.is_impossible
          ? []
          : [...new Set(qa.answers.map((answer) => answer.text.trim()).filter((text) => text.length > 0))],
        impossible: qa.is_impossible,
      })),
    ),
  }));
}

/** Reads a SQuAD file, or every *.json file of a folder; articles are deduplicated by title, first kept. */
export function readSquad(path: string): SquadArticle[] {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith(".json"))
        .sort()
        .map((name) => join(path, name))
    : [path];
  const byTitle = new Map<string, SquadArticle>();
  for (const file of files)
    for (const article of readSquadFile(file)) if (!byTitle.has(article.title)) byTitle.set(article.title, article);
  return [...byTitle.values()];
}

/** The article as a knowledge file would hold it: front matter, then one paragraph per line. */
export function squadArticleSource(article: SquadArticle): ArticleSource {
  const title = article.title.replace(/_/g, " ");
  const markdown = `---\ntitle: ${JSON.stringify(title)}\nsource: "Wikipedia (SQuAD 2.0)"\n---\n${article.paragraphs.join("\n")}\n`;
  return { slug: article.slug, file: `${article.slug}.md`, markdown };
}
