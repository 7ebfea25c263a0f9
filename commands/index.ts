import type { Command } from "./command.js";
import { aid } from "./aid.js";
import { article } from "./article.js";
import { ask } from "./ask.js";
import { askTheArticle } from "./askTheArticle.js";
import { demands } from "./demands.js";
import { gaps } from "./gaps.js";
import { help } from "./help.js";
import { quote } from "./quote.js";
import { search } from "./search.js";
import { source } from "./source.js";
import { summary } from "./summary.js";
import { when } from "./when.js";
import { where } from "./where.js";
import { who } from "./who.js";

/** The one command registry. Only entry points read it (bot start-up, the deploy script) and hand it to the adapter. */
export const COMMANDS: readonly Command[] = Object.freeze([
  ask,
  who,
  aid,
  demands,
  when,
  where,
  quote,
  search,
  summary,
  source,
  help,
  gaps,
  article,
  askTheArticle,
]);
