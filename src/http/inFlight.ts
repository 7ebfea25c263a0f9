/** Work started and not finished yet, so that shutdown can wait for it instead of cutting answers off. */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `work` and remembers it until it settles; returns its promise. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => void this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves when everything in flight settled, or after `timeoutMs` (true when it all finished). */
  async drained(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const all = Promise.allSettled([...this.pending]).then(() => true);
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
