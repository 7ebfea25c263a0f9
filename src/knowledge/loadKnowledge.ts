import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseYaml } from "./yaml.js";
import {
  describeSyntaxError,
  KNOWLEDGE_PARSE_PARAMS,
  KnowledgeError,
  knowledgeErrorFromZod,
} from "./knowledgeError.js";
import { parseArticle } from "./parseArticle.js";
import { type Article, FactsFile, type Knowledge, type KnowledgeArticle } from "./schema.js";
import { assertFactsValid } from "./validateFacts.js";

/** One article as files hold it; also how benchmarks and tests build knowledge without touching disk. */
export interface ArticleSource {
  slug: string;
  /** Path used in error messages. */
  file: string;
  markdown: string;
  facts?: { file: string; text: string } | undefined;
}

const FACTS_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

function parseFactsText(file: string, text: string): unknown {
  try {
    return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new KnowledgeError(
      `${file}: (top level): ${describeSyntaxError(file.endsWith(".json") ? "JSON" : "YAML", error)}`,
    );
  }
}

export function buildKnowledgeArticle(source: ArticleSource): KnowledgeArticle {
  const article: Article = parseArticle(source.file, source.slug, source.markdown);
  if (!source.facts) return article;

  const parsed = FactsFile.safeParse(
    parseFactsText(source.facts.file, source.facts.text) ?? {},
    KNOWLEDGE_PARSE_PARAMS,
  );
  if (!parsed.success) throw knowledgeErrorFromZod(source.facts.file, parsed.error);
  assertFactsValid(source.facts.file, article, parsed.data);
  return { ...article, facts: parsed.data };
}

export function buildKnowledge(sources: readonly ArticleSource[]): Knowledge {
  if (sources.length === 0) throw new KnowledgeError("knowledge/articles: no article found (add a <slug>.md file)");
  return { articles: sources.map(buildKnowledgeArticle) };
}

/** Reads the sources of a knowledge folder: articles/<slug>.md and their optional facts/<slug>.(yaml|yml|json). */
export function readKnowledgeSources(directory: string): ArticleSource[] {
  const articlesDirectory = join(directory, "articles");
  if (!existsSync(articlesDirectory)) throw new KnowledgeError(`${articlesDirectory}: folder not found`);
  const factsDirectory = join(directory, "facts");
  const slugs = readdirSync(articlesDirectory)
    .filter((name) => name.endsWith(".md"))
    .map((name) => basename(name, ".md"))
    .sort();
  if (slugs.length === 0) throw new KnowledgeError(`${articlesDirectory}: no article found (add a <slug>.md file)`);

  const sources = slugs.map((slug): ArticleSource => {
    const file = join(articlesDirectory, `${slug}.md`);
    const factsFiles = FACTS_EXTENSIONS.map((extension) => join(factsDirectory, `${slug}${extension}`)).filter((path) =>
      existsSync(path),
    );
    if (factsFiles.length > 1)
      throw new KnowledgeError(`${factsFiles.join(", ")}: one article may have only one facts file`);
    const factsFile = factsFiles[0];
    return {
      slug,
      file,
      markdown: readFileSync(file, "utf8"),
      facts: factsFile ? { file: factsFile, text: readFileSync(factsFile, "utf8") } : undefined,
    };
  });

  if (existsSync(factsDirectory)) {
    const known = new Set(slugs);
    for (const name of readdirSync(factsDirectory)) {
      const slug = name.replace(/\.(ya?ml|json)$/, "");
      if (slug !== name && !known.has(slug))
        throw new KnowledgeError(
          `${join(factsDirectory, name)}: no article ${join(articlesDirectory, `${slug}.md`)} for these facts`,
        );
    }
  }
  return sources;
}

/** Loads and validates a whole knowledge folder; throws one KnowledgeError naming file, path and problem. */
export function loadKnowledge(directory: string): Knowledge {
  return buildKnowledge(readKnowledgeSources(directory));
}
