import { YAMLException } from "js-yaml";
import type { z } from "zod";

/** A knowledge file that cannot be served. The message names the file, the field path and the problem. */
export class KnowledgeError extends Error {
  override name = "KnowledgeError";
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

/**
 * Per-parse zod error map for knowledge files: a missing field says so ("is required (expected string)")
 * instead of zod's "expected string, received undefined". Returning undefined keeps zod's own message.
 */
const knowledgeErrorMap: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? `is required (expected ${issue.expected})` : undefined;
export const KNOWLEDGE_PARSE_PARAMS: z.core.ParseContext<z.core.$ZodIssue> = Object.freeze({
  error: knowledgeErrorMap,
});

/** One line per problem, each prefixed with the file, so the first line alone already says where to look. */
export function knowledgeErrorFromZod(file: string, error: z.ZodError): KnowledgeError {
  const lines = error.issues.map((issue) => `${file}: ${formatIssuePath(issue.path)}: ${issue.message}`);
  return new KnowledgeError(lines.join("\n"));
}

/**
 * "not valid YAML at line 3, column 5: <reason>" from an error thrown by js-yaml or JSON.parse.
 * lineOffset shifts the line for text that starts further down a file (front matter starts on line 2).
 */
export function describeSyntaxError(format: "YAML" | "JSON", error: unknown, lineOffset = 0): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  // js-yaml marks are 0-based; people count lines and columns from 1.
  if (error instanceof YAMLException)
    return `not valid ${format} at line ${error.mark.line + 1 + lineOffset}, column ${error.mark.column + 1}: ${error.reason}`;
  return `not valid ${format}: ${reason}`;
}
