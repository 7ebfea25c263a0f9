/**
 * Collects writes and hands them over in batches, a short while after the first one queued: an answer's reply is
 * sent before its record is written, and one transaction per batch costs one disk sync instead of one per question.
 * The queue is bounded, so a store that cannot keep up (or cannot write at all) never grows memory.
 */
export interface WriteBatcher<T> {
  add(item: T): void;
  /** Hands over everything queued now (before a read that must see it, and at shut-down). */
  flush(): void;
  /** Stops the timer; what is still queued is dropped unless flushed first. */
  stop(): void;
}

export interface WriteBatcherOptions<T> {
  /** Writes one batch; must not throw (the store logs its own failures). */
  write(items: T[]): void;
  delayMs: number;
  maxPending: number;
  /** Called when an item is dropped because the queue is full. */
  onDropped(): void;
}

export function createWriteBatcher<T>(options: WriteBatcherOptions<T>): WriteBatcher<T> {
  let pending: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    options.write(batch);
  };
  return {
    add(item) {
      if (pending.length >= options.maxPending) {
        options.onDropped();
        return;
      }
      pending.push(item);
      timer ??= setTimeout(flush, options.delayMs).unref();
    },
    flush,
    stop() {
      clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
