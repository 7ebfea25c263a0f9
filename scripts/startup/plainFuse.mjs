// The yardstick of `npm run bench:startup`: the least a program answering questions about the seed article can do.
// Plain JavaScript run by node (nothing to transpile): read the article, split it into sentences, index them with
// fuse.js defaults, and print the best sentence for each line of standard input as one JSON line.
// Usage: node scripts/startup/plainFuse.mjs knowledge/articles/<slug>.md < questions.txt
import { readFileSync } from "node:fs";
import process from "node:process";
import { createInterface } from "node:readline";
import Fuse from "fuse.js";

const articleFile = process.argv[2];
if (!articleFile) {
  process.stderr.write("usage: node scripts/startup/plainFuse.mjs ARTICLE.md < questions\n");
  process.exit(2);
}
const body = readFileSync(articleFile, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
const sentences = body
  .split("\n")
  .flatMap((paragraph) => [...segmenter.segment(paragraph)].map((part) => part.segment.trim()))
  .filter((sentence) => sentence.length > 0);
const fuse = new Fuse(sentences);

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const query = line.trim();
  if (!query) continue;
  const best = fuse.search(query, { limit: 1 })[0];
  process.stdout.write(`${JSON.stringify({ query, sentence: best ? best.refIndex + 1 : null, text: best?.item ?? null })}\n`);
}
