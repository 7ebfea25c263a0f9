import { parseYaml } from "./yaml.js";
import {
  describeSyntaxError,
  KNOWLEDGE_PARSE_PARAMS,
  knowledgeErrorFromZod,
  KnowledgeError,
} from "./knowledgeError.js";
import { type Article, ArticleFrontMatter, Slug } from "./schema.js";
import { splitSentences } from "./sentences.js";

// The body is the rest of the file, sliced off after the match rather than captured.
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parses knowledge/articles/<slug>.md: YAML front matter, then the verbatim article body. */
export function parseArticle(file: string, slug: string, markdown: string): Article {
  const slugResult = Slug.safeParse(slug);
  if (!slugResult.success)
    throw new KnowledgeError(`${file}: file name: ${slugResult.error.issues[0]?.message ?? "invalid"}`);

  const text = markdown.replace(/^\uFEFF/, "");
  const match = FRONT_MATTER.exec(text);
  if (!match)
    throw new KnowledgeError(
      `${file}: (top level): must start with YAML front matter between two '---' lines (title and source are required)`,
    );
  const [frontMatterBlock, frontMatterText = ""] = match;
  const body = text.slice(frontMatterBlock.length);

  let frontMatterData: unknown;
  try {
    frontMatterData = parseYaml(frontMatterText);
  } catch (error) {
    throw new KnowledgeError(`${file}: front matter: ${describeSyntaxError("YAML", error, 1)}`);
  }
  const meta = ArticleFrontMatter.safeParse(frontMatterData ?? {}, KNOWLEDGE_PARSE_PARAMS);
  if (!meta.success) throw knowledgeErrorFromZod(`${file} (front matter)`, meta.error);

  const sentences = splitSentences(body);
  if (sentences.length === 0) throw new KnowledgeError(`${file}: body: the article has no text after its front matter`);
  // The slug and front matter are validated above and the sentences are built here, so the whole
  // article needs no second pass through zod, which is costly at scale.
  return { slug: slugResult.data, meta: meta.data, sentences };
}
