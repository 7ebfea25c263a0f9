/**
 * Scores of the sentences a query touches: dense by sentence id, so that adding to and reading a
 * score is an array access (at 10,000 articles a common word touches tens of thousands of sentences,
 * and a Map spent most of a question's time hashing them), with the touched ids listed in first-touch
 * order for iteration.
 */
export class SentenceScores {
  private readonly values: Float64Array;
  private readonly touched: Uint8Array;
  private readonly touchedIds: number[] = [];

  constructor(sentenceCount: number) {
    this.values = new Float64Array(sentenceCount);
    this.touched = new Uint8Array(sentenceCount);
  }

  /** A copy to add other evidence to, without changing these scores. */
  copy(): SentenceScores {
    const copy = new SentenceScores(this.values.length);
    copy.values.set(this.values);
    copy.touched.set(this.touched);
    copy.touchedIds.push(...this.touchedIds);
    return copy;
  }

  add(id: number, value: number): void {
    if (id < 0 || id >= this.values.length) return;
    if (this.touched[id] === 0) {
      this.touched[id] = 1;
      this.touchedIds.push(id);
    }
    this.values[id] = (this.values[id] ?? 0) + value;
  }

  /** The score of a sentence; 0 for one the query never touched. */
  get(id: number): number {
    return this.values[id] ?? 0;
  }

  has(id: number): boolean {
    return this.touched[id] === 1;
  }

  get ids(): readonly number[] {
    return this.touchedIds;
  }

  /**
   * The `count` best ids, best first (ties: lower id first). A bounded insertion keeps only the current
   * best, so the cost grows with the touched sentences, not with sorting all of them.
   */
  best(count: number): number[] {
    const top: number[] = [];
    const before = (a: number, b: number) => this.get(a) > this.get(b) || (this.get(a) === this.get(b) && a < b);
    for (const id of this.touchedIds) {
      const last = top[top.length - 1];
      if (top.length === count && last !== undefined && !before(id, last)) continue;
      let at = top.length === count ? top.length - 1 : top.length;
      while (at > 0 && before(id, top[at - 1] ?? 0)) {
        top[at] = top[at - 1] ?? 0;
        at -= 1;
      }
      top[at] = id;
    }
    return top;
  }
}
