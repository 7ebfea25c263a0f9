import { dump } from "js-yaml";
import type { ArticleUpload } from "./guildKnowledge.js";

/** What the "Add an article" form asks for; `url` may be empty. */
export interface ArticleForm {
  title: string;
  source: string;
  url: string;
  body: string;
}

/** Long enough to tell titles apart, short enough for a file name and a button's custom_id. */
const SLUG_LENGTH = 60;

/** "Perito Moreno: ¡avanza!" → "perito-moreno-avanza": the file name a form's article is saved under. */
export function slugOfTitle(title: string): string {
  return (
    title
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, SLUG_LENGTH)
      .replace(/^-+|-+$/g, "") || "article"
  );
}

/**
 * The form as the same Markdown a file would hold (YAML front matter, then the body), so that it goes through the
 * very validation a file on disk does. The YAML is written by js-yaml, so a title with a colon or a quote stays text.
 */
export function articleFromForm(form: ArticleForm): ArticleUpload {
  const url = form.url.trim();
  const frontMatter = dump({ title: form.title, source: form.source, ...(url ? { url } : {}) }, { lineWidth: -1 });
  return { fileName: `${slugOfTitle(form.title)}.md`, markdown: `---\n${frontMatter}---\n${form.body.trim()}\n` };
}
