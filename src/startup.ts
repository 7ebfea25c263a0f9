import { ConfigError, type Config, loadConfig } from "./config/config.js";
import { createEngine, type AnswerEngine } from "./engine/engine.js";
import { KnowledgeError } from "./knowledge/knowledgeError.js";
import { loadKnowledge } from "./knowledge/loadKnowledge.js";

/**
 * Start-up shared by every entry point: validate the environment, load and validate the knowledge,
 * build the engine. A problem is one readable message on standard error and exit code 1.
 */
export function startOrExit(): { config: Config; engine: AnswerEngine } {
  try {
    const config = loadConfig();
    const engine = createEngine(loadKnowledge(config.KNOWLEDGE_DIR));
    return { config, engine };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
