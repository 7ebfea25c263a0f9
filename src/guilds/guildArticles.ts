import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import type { ArticleSource } from "../knowledge/loadKnowledge.js";

/** A Discord snowflake: the only thing allowed to name a guild's folder, so no id can reach outside DATA_DIR. */
export const GuildId = z.string().regex(/^\d{17,20}$/);

/** One server's own articles on disk: `DATA_DIR/guilds/<guild id>/articles/<slug>.md`, laid out like `knowledge/`. */
export class GuildArticleFiles {
  constructor(private readonly dataDir: string) {}

  private directory(guildId: string): string {
    return join(this.dataDir, "guilds", GuildId.parse(guildId), "articles");
  }

  /** The server's articles as sources (none when it never added one), in slug order. */
  read(guildId: string): ArticleSource[] {
    const directory = this.directory(guildId);
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return names
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => {
        const file = join(directory, name);
        return { slug: basename(name, ".md"), file, markdown: readFileSync(file, "utf8") };
      });
  }

  /** Writes a temporary file and renames it over the article, so a reader never sees half an article. */
  write(guildId: string, slug: string, markdown: string): void {
    const directory = this.directory(guildId);
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `${slug}.md`);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, markdown, "utf8");
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  remove(guildId: string, slug: string): void {
    rmSync(join(this.directory(guildId), `${slug}.md`));
  }
}
