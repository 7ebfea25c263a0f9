import type { Answer } from "../engine/answer.js";
import type {
  QuestionStore,
  Surface,
  UnansweredQuery,
  UnansweredQuestion,
  VoteChoice,
  VoteOutcome,
} from "../store/questionStore.js";

/** One event that produced an answer: what the store needs besides the answer itself. */
export interface AskingEvent {
  /** The interaction's or message's id: the recorded question's id, carried by its feedback buttons. */
  id: string;
  surface: Surface;
  guildId: string | undefined;
  personId: string;
  /** `performance.now()` when the event arrived. */
  startedAt: number;
}

/**
 * Records answers in the store (when there is one) as their reply is sent: the store queues the question and writes
 * it a moment later in a batch, so nothing here waits for the disk, and a vote clicked at once finds its question.
 * The latency recorded is the engine's and the adapter's, up to the reply being handed to Discord.
 */
export class AnswerHistory {
  constructor(
    private readonly store: QuestionStore | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether questions are recorded at all (STORE is on and the file opened). */
  get recording(): boolean {
    return this.store !== undefined;
  }

  /** Refused and down-voted questions, for the gaps report. */
  unanswered(query: UnansweredQuery): UnansweredQuestion[] {
    return this.store?.unanswered(query) ?? [];
  }

  /** The id to put on an answer's feedback buttons, or undefined when votes cannot be recorded. */
  feedbackFor(event: AskingEvent): string | undefined {
    return this.store ? event.id : undefined;
  }

  /** A click on Helpful / Not helpful. */
  vote(questionId: string, personId: string, choice: VoteChoice): VoteOutcome {
    if (!this.store) return { kind: "unavailable" };
    return this.store.vote({ questionId, personId, choice, at: this.now() });
  }

  record(event: AskingEvent, answer: Answer): void {
    if (!this.store) return;
    const citedArticle = answer.citations[0]?.article;
    this.store.recordQuestion({
      id: event.id,
      askedAt: this.now(),
      surface: event.surface,
      command: answer.command,
      text: answer.query,
      answered: answer.answered,
      citedArticle,
      citedSentences: answer.citations
        .filter((citation) => citation.article === citedArticle)
        .map((citation) => citation.sentence),
      latencyMs: Math.round((performance.now() - event.startedAt) * 10) / 10,
      guildId: event.guildId,
      personId: event.personId,
    });
  }
}
