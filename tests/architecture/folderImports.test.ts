/**
 * The house's dependency rule: no folder imports a folder that imports it (directly or round a cycle).
 * Folders are the first two path levels ("src/engine", "commands", "tests/support"), read from the
 * relative imports of every TypeScript file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, test } from "vitest";

const ROOTS = ["src", "commands", "evaluation", "fakeDiscord", "scripts", "tests"];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"|import\("(\.{1,2}\/[^"]+)"\)/g;

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : typeScriptFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** "src/engine/answerers/answerWho.ts" → "src/engine"; "commands/who.ts" → "commands"; "src/main.ts" → "src". */
function folderOf(file: string): string {
  const parts = normalize(file).split("/");
  return parts.length > 2 ? parts.slice(0, 2).join("/") : (parts[0] ?? file);
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of ROOTS.flatMap(typeScriptFiles)) {
    const from = folderOf(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = relative(".", join(dirname(file), match[1] ?? match[2] ?? ""));
      const to = folderOf(target);
      if (to === from || target.startsWith("node_modules")) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** Every folder that can reach itself again, with the path that shows it. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  for (const start of graph.keys()) {
    const queue: string[][] = [[start]];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift() ?? [];
      for (const next of graph.get(path[path.length - 1] ?? "") ?? []) {
        if (next === start) {
          found.push([...path, next].join(" → "));
          queue.length = 0;
          break;
        }
        if (!seen.has(next)) {
          seen.add(next);
          queue.push([...path, next]);
        }
      }
    }
  }
  return found;
}

describe("GIVEN the repository's folders", () => {
  test("THEN the import graph between folders has the expected edges (the check reads real imports)", () => {
    const graph = folderGraph();
    expect(graph.get("commands")).toContain("src/discord");
    expect(graph.get("src")).toContain("commands");
    expect(graph.get("scripts")).toContain("evaluation");
  });

  test("THEN no folder imports a folder that imports it", () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  test("THEN scripts/ and the program never import tests/", () => {
    const graph = folderGraph();
    const intoTests = [...graph].filter(
      ([from, to]) => !from.startsWith("tests") && [...to].some((folder) => folder.startsWith("tests")),
    );
    expect(intoTests.map(([from]) => from)).toEqual([]);
  });
});
