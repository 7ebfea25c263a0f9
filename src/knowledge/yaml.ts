import { CORE_SCHEMA, load } from "js-yaml";

/**
 * YAML as the knowledge files use it. The core schema keeps dates as text ("published: 2022-01-19"
 * stays a string, not a Date). js-yaml rather than the `yaml` package: it reads small front matter
 * much faster, which matters when thousands of articles load at start-up (figures in docs/ENGINE_DESIGN.md).
 */
export function parseYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}
