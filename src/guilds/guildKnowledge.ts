import { randomBytes } from "node:crypto";
import { type AnswerEngine, createEngine } from "../engine/engine.js";
import { buildKnowledge, buildKnowledgeArticle } from "../knowledge/loadKnowledge.js";
import { KnowledgeError } from "../knowledge/knowledgeError.js";
import type { KnowledgeArticle } from "../knowledge/schema.js";
import type { GuildArticleFiles } from "./guildArticles.js";

/** An article a server sent, before validation: its file name (which gives the slug, as on disk) and its text. */
export interface ArticleUpload {
  fileName: string;
  markdown: string;
}

export type AddResult =
  | { kind: "added"; article: KnowledgeArticle }
  /** One line per problem, as for a file on disk. */
  | { kind: "invalid"; problems: string }
  /**
   * An article with the same title or file name is already answered in this server. `held` names the upload kept
   * for a Replace button when the clash is with one of the server's own articles (a shipped one cannot be replaced).
   */
  | { kind: "clash"; title: string; held: string | undefined };

export interface GuildKnowledgeOptions {
  /** The shipped knowledge every server shares; a getter, because hot reload swaps it. */
  shared: () => AnswerEngine;
  files: GuildArticleFiles;
  /** A server's article on disk that no longer validates: it is left out (and reported), the rest still answers. */
  onBrokenArticle: (error: Error) => void;
}

interface GuildEntry {
  articles: KnowledgeArticle[];
  /** The engine built on `shared` + `articles`, and the shared engine it was built on (rebuilt after a reload). */
  built?: { on: AnswerEngine; engine: AnswerEngine };
}

/** Uploads kept for a Replace button; the oldest are forgotten first (their button then says it has expired). */
const HELD_UPLOADS = 100;

const slugOf = (fileName: string): string => fileName.replace(/\.(md|txt)$/i, "");
const sameTitle = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The knowledge each server answers from: the shipped articles plus the ones its admins added. A server without
 * articles of its own gets the shared engine itself; the others get an engine built once and kept until their
 * articles or the shipped knowledge change.
 */
export class GuildKnowledge {
  private readonly guilds = new Map<string, GuildEntry>();
  private readonly held = new Map<string, { guildId: string; upload: ArticleUpload }>();

  constructor(private readonly options: GuildKnowledgeOptions) {}

  engineFor(guildId: string | undefined): AnswerEngine {
    const shared = this.options.shared();
    if (guildId === undefined) return shared;
    const entry = this.entry(guildId);
    if (entry.articles.length === 0) return shared;
    if (entry.built?.on !== shared) entry.built = { on: shared, engine: this.build(shared, entry.articles) };
    return entry.built.engine;
  }

  /** The server's own articles (not the shipped ones), in file-name order. */
  list(guildId: string): readonly KnowledgeArticle[] {
    return this.entry(guildId).articles;
  }

  /**
   * Validates the upload exactly like a file on disk, then writes it and answers from it at once. Nothing changes
   * unless every step succeeds; a disk error is thrown (the caller says so) with the knowledge as it was.
   */
  add(guildId: string, upload: ArticleUpload): AddResult {
    return this.addOrReplace(guildId, upload, false);
  }

  /**
   * Adds an upload held after a clash, in place of the server's articles it clashed with. Undefined when it is no
   * longer held (forgotten, already used, or from another server).
   */
  replaceWithHeld(guildId: string, held: string): AddResult | undefined {
    const entry = this.held.get(held);
    if (entry?.guildId !== guildId) return undefined;
    this.held.delete(held);
    return this.addOrReplace(guildId, entry.upload, true);
  }

  private addOrReplace(guildId: string, upload: ArticleUpload, replace: boolean): AddResult {
    const entry = this.entry(guildId);
    let article: KnowledgeArticle;
    try {
      article = buildKnowledgeArticle({
        slug: slugOf(upload.fileName),
        file: upload.fileName,
        markdown: upload.markdown,
      });
    } catch (error) {
      if (error instanceof KnowledgeError) return { kind: "invalid", problems: error.message };
      throw error;
    }
    const shared = this.options.shared();
    const clashes = (known: KnowledgeArticle) =>
      known.slug === article.slug || sameTitle(known.meta.title, article.meta.title);
    const sharedClash = shared.knowledge.articles.find(clashes);
    if (sharedClash) return { kind: "clash", title: sharedClash.meta.title, held: undefined };
    const replaced = entry.articles.filter(clashes);
    const [firstReplaced] = replaced;
    if (firstReplaced && !replace)
      return { kind: "clash", title: firstReplaced.meta.title, held: this.hold(guildId, upload) };
    const articles = [...entry.articles.filter((known) => !clashes(known)), article].sort((a, b) =>
      a.slug.localeCompare(b.slug),
    );
    const engine = this.build(shared, articles);
    // The new file first: if the disk fails, the old article is still there and still answered.
    this.options.files.write(guildId, article.slug, upload.markdown);
    for (const old of replaced) if (old.slug !== article.slug) this.options.files.remove(guildId, old.slug);
    this.guilds.set(guildId, { articles, built: { on: shared, engine } });
    return { kind: "added", article };
  }

  /** Removes one of the server's articles by slug; false when it has none by that slug. */
  remove(guildId: string, slug: string): boolean {
    const entry = this.entry(guildId);
    if (!entry.articles.some((article) => article.slug === slug)) return false;
    this.options.files.remove(guildId, slug);
    this.guilds.set(guildId, { articles: entry.articles.filter((article) => article.slug !== slug) });
    return true;
  }

  private hold(guildId: string, upload: ArticleUpload): string {
    // Random rather than counted, so that a Replace button from before a restart never takes a newer upload.
    const id = randomBytes(6).toString("hex");
    this.held.set(id, { guildId, upload });
    const oldest = this.held.keys().next().value;
    if (this.held.size > HELD_UPLOADS && oldest !== undefined) this.held.delete(oldest);
    return id;
  }

  private build(shared: AnswerEngine, articles: readonly KnowledgeArticle[]): AnswerEngine {
    return createEngine({ articles: [...shared.knowledge.articles, ...articles] });
  }

  /** Read from disk the first time a server is seen; after that, kept in step by add and remove. */
  private entry(guildId: string): GuildEntry {
    let entry = this.guilds.get(guildId);
    if (!entry) {
      const articles = this.options.files.read(guildId).flatMap((source) => {
        try {
          return buildKnowledge([source]).articles;
        } catch (error) {
          this.options.onBrokenArticle(error instanceof Error ? error : new Error(String(error)));
          return [];
        }
      });
      entry = { articles };
      this.guilds.set(guildId, entry);
    }
    return entry;
  }
}
