import type { Command } from "../src/discord/command.js";
import { aid } from "./aid.js";
import { ask } from "./ask.js";
import { askTheArticle } from "./askTheArticle.js";
import { demands } from "./demands.js";
import { help } from "./help.js";
import { quote } from "./quote.js";
import { search } from "./search.js";
import { source } from "./source.js";
import { summary } from "./summary.js";
import { when } from "./when.js";
import { where } from "./where.js";
import { who } from "./who.js";

/** The one command registry: the router, the deploy script and the tests all read this list. */
export const COMMANDS: readonly Command[] = Object.freeze([ask, who, aid, demands, when, where, quote, search, summary, source, help, askTheArticle]);
