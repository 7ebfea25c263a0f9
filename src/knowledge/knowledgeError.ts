import type { z } from "zod";

/** A knowledge file that cannot be served. The message names the file, the field path and the problem. */
export class KnowledgeError extends Error {
  override name = "KnowledgeError";
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`)).join("");
}

/** One line per problem, each prefixed with the file, so the first line alone already says where to look. */
export function knowledgeErrorFromZod(file: string, error: z.ZodError): KnowledgeError {
  const lines = error.issues.map((issue) => `${file}: ${formatIssuePath(issue.path)}: ${issue.message}`);
  return new KnowledgeError(lines.join("\n"));
}
