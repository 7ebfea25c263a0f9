/**
 * Stems that mean the same or derive from one another (aid/assistance, grateful/thankful,
 * complain/complaint), from WordNet (see readWordNet.ts). Kept as the sorted table text itself and
 * searched by bisection: about 2 MB, where a Map of 50,000 arrays would take several times that.
 */
export class WordRelations {
  private readonly lineStarts: Uint32Array;

  private constructor(private readonly table: string) {
    const starts: number[] = [];
    for (let at = 0; at < table.length; at = table.indexOf("\n", at) + 1 || table.length) starts.push(at);
    this.lineStarts = Uint32Array.from(starts);
  }

  static empty(): WordRelations {
    return new WordRelations("");
  }

  /** `table`: one line per stem, sorted by stem, "stem<TAB>related related …" (formatRelationTable). */
  static fromTable(table: string): WordRelations {
    return new WordRelations(table);
  }

  get size(): number {
    return this.lineStarts.length;
  }

  /** Stems related to a stem (never the stem itself); none for a stem WordNet lacks. */
  relatedStems(wordStem: string): string[] {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = this.lineStarts[middle] ?? 0;
      const tab = this.table.indexOf("\t", start);
      const key = this.table.slice(start, tab);
      if (key === wordStem) {
        const end = this.table.indexOf("\n", tab);
        return this.table.slice(tab + 1, end < 0 ? this.table.length : end).split(" ");
      }
      if (key < wordStem) low = middle + 1;
      else high = middle - 1;
    }
    return [];
  }
}
