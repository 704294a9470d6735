// History's pages of records, bounded: at most `maxPages` pages are held, and the one farthest
// from where the person is looking goes first, so scrolling through 50,000 entries never keeps
// them all in the page. What the day headings need outlives the records: whether each row starts
// a new day is kept as one byte per row, and the first and last day of every page seen.
import type { RecordDto } from './backend';

const UNKNOWN = 0;
const SAME_DAY = 1;
const NEW_DAY = 2;

export class PageCache {
  // Plain maps on purpose: History makes reads reactive with its own version counter.
  private pages = new Map<number, RecordDto[]>();
  private edges = new Map<number, { first: string; last: string }>();
  private starts = new Uint8Array(0);

  constructor(
    readonly pageSize: number,
    readonly maxPages: number,
  ) {}

  /** Pages held now. */
  get size(): number {
    return this.pages.size;
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Record `i`, if its page is held. */
  at(i: number): RecordDto | undefined {
    return this.pages.get(Math.floor(i / this.pageSize))?.[i % this.pageSize];
  }

  /** Whether row `i` is the first of its day; false until that is known. */
  startsDay(i: number): boolean {
    return this.starts[i] === NEW_DAY;
  }

  /** Keeps page `page` of a list `total` long; then, if too many are held, lets go of those
   * farthest from `near` (the page in view). */
  put(page: number, records: RecordDto[], total: number, near: number): void {
    if (this.starts.length !== total) {
      const grown = new Uint8Array(total);
      grown.set(this.starts.subarray(0, Math.min(total, this.starts.length)));
      this.starts = grown;
    }
    this.pages.set(page, records);
    const base = page * this.pageSize;
    records.forEach((r, j) => {
      if (base + j >= total) return;
      if (j > 0) this.starts[base + j] = records[j - 1].localDate !== r.localDate ? NEW_DAY : SAME_DAY;
    });
    if (records.length) {
      this.edges.set(page, { first: records[0].localDate, last: records[records.length - 1].localDate });
      this.link(page - 1, page);
      this.link(page, page + 1);
      if (page === 0) this.starts[0] = NEW_DAY;
    }
    while (this.pages.size > this.maxPages) {
      let far = page;
      for (const p of this.pages.keys()) if (p !== page && Math.abs(p - near) > Math.abs(far - near)) far = p;
      if (far === page) break;
      this.pages.delete(far);
    }
  }

  /** The first row of page `b` starts a day if page `a` ended on another. */
  private link(a: number, b: number): void {
    const ea = this.edges.get(a);
    const eb = this.edges.get(b);
    const i = b * this.pageSize;
    if (a < 0 || !ea || !eb || i >= this.starts.length || this.starts[i] !== UNKNOWN) return;
    this.starts[i] = ea.last !== eb.first ? NEW_DAY : SAME_DAY;
  }
}
