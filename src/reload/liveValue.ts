import { existsSync, type FSWatcher, watch } from "node:fs";
import { join } from "node:path";

export interface LiveValueOptions<T> {
  /** Folder to watch; its direct sub-folders are watched too (knowledge/articles, knowledge/facts). */
  directory: string;
  /** The value as it is now; the first reload replaces it. */
  initial: T;
  /** Builds a new value from the folder, throwing when the folder is not valid. */
  load: () => T;
  onSwap?: (value: T) => void;
  onRefused?: (error: unknown) => void;
  /** Editors write a file in several steps; wait this long after the last change. Default 200 ms. */
  debounceMs?: number;
}

export interface LiveValue<T> {
  /** The last value that loaded successfully. Read it once per request so a request never sees two. */
  current(): T;
  /** Loads now; true when the new value was swapped in, false when it was refused. */
  reload(): boolean;
  close(): void;
}

/**
 * A value rebuilt whenever files in a folder change. A successful build is swapped in whole (a
 * single reference assignment, so readers see either the old or the new value, never a mixture);
 * a failed build is reported and the last good value keeps serving.
 */
export function watchLiveValue<T>(options: LiveValueOptions<T>): LiveValue<T> {
  let value = options.initial;
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  const watched = new Set<string>();

  const reload = (): boolean => {
    try {
      const next = options.load();
      value = next;
      options.onSwap?.(next);
      return true;
    } catch (error) {
      options.onRefused?.(error);
      return false;
    } finally {
      watchFolders();
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? 200);
    timer.unref();
  };

  // Sub-folders created later (a first facts/ folder) are picked up on the next reload.
  function watchFolders(): void {
    const folders = [options.directory, join(options.directory, "articles"), join(options.directory, "facts")];
    for (const folder of folders) {
      if (watched.has(folder) || !existsSync(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, schedule);
        watcher.on("error", () => {
          watcher.close();
          watched.delete(folder);
        });
        watchers.push(watcher);
        watched.add(folder);
      } catch (error) {
        options.onRefused?.(error);
      }
    }
  }

  watchFolders();
  return {
    current: () => value,
    reload,
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      watchers.length = 0;
      watched.clear();
    },
  };
}
