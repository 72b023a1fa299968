/**
 * A set of strings for key checks on large tables (primary keys, unique
 * columns, referenced keys). A JavaScript `Set` of a million strings costs
 * more time than parsing the file and holds every string as an object; this
 * keeps the characters in one growing typed array and the slots in typed
 * arrays (open addressing, linear probing), so memory stays compact and the
 * garbage collector has little to trace. Exact: equal hashes are confirmed
 * by comparing characters.
 *
 * Keys often arrive in ascending order (sequential member codes): while
 * every new key sorts after the one before, it cannot be a duplicate, and
 * the keys are kept as a sorted run (looked up by binary search) with no
 * hash table at all. The run is stored as blocks of BLOCK keys, each block
 * one string of its keys written end to end (joined once the block is
 * full) plus the end offset of every key: cheaper than copying each key's
 * characters one by one into a typed array, and a one-byte string takes
 * half the memory of UTF-16 code units. The first key out of order moves
 * the run into the hash table, which serves from then on.
 *
 * Before that, keys that are consecutive codes (a prefix and a number of
 * fixed width: A000001, A000002, …, as generated member codes are) are kept
 * as ranges, first to last: a key that continues the range is checked by
 * reading its digits, and nothing is stored. Keys that do not continue a
 * range start a new one; once ranges hold too few keys each to pay off,
 * their keys move into the sorted run.
 */
const BLOCK_BITS = 10;
const BLOCK = 1 << BLOCK_BITS;
/** Digits of a range's number at most (a larger number would lose precision). */
const MAX_WIDTH = 15;

/** Keys `prefix` + `from`…`to` written with `width` digits (zero-padded); `width` 0: the prefix alone. */
interface Range {
  prefix: string;
  width: number;
  from: number;
  to: number;
}
const rangeKey = (r: Range, n: number) => r.prefix + (r.width ? String(n).padStart(r.width, '0') : '');

/** Whether `s` is one of the keys of `r`. */
function inRange(r: Range, s: string): boolean {
  const pl = r.prefix.length;
  if (s.length !== pl + r.width || !s.startsWith(r.prefix)) return false;
  let n = 0;
  for (let i = pl; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    n = n * 10 + d;
  }
  return n >= r.from && n <= r.to;
}

export class StringSet {
  size = 0;
  /** Range mode (first): the keys so far as ranges, ascending; undefined once left. */
  private ranges: Range[] | undefined = [];
  /** Range mode: the last range, which a key may continue. */
  private current: Range = { prefix: '', width: 0, from: 0, to: 0 };
  private mask = 1023;
  /** Three ints per slot: hash, offset of the characters in the pool plus one (0 = empty), length. */
  private slots = new Int32Array(1024 * 3);
  private pool = new Uint16Array(1024);
  private used = 0;
  /** Sorted-run mode: the end of each key in its block (key i is in block i >> BLOCK_BITS and starts where key i - 1 ends, or at 0). */
  private run: Int32Array | undefined = new Int32Array(BLOCK);
  /** Sorted-run mode: the full blocks, each its keys joined. */
  private blocks: string[] = [];
  /**
   * Sorted-run mode: the keys of the block being filled, at their place in
   * the block. Its slots are overwritten, never cleared, so slot i - 1 holds
   * the last key added even right after a block was joined.
   */
  private pending: string[] = new Array<string>(BLOCK).fill('');

  // A polynomial hash (as Java's String.hashCode) with its high bits folded
  // in: keys that differ in their last characters, such as sequential ids
  // (A000001, A000002, …), land in neighbouring slots, so a million inserts
  // walk the table in order instead of missing the cache on every one.
  private static hash(s: string): number {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h ^ (h >>> 16);
  }

  /** The slot holding `s`, or the bitwise complement of the empty slot where it belongs. */
  private find(s: string, h: number): number {
    const { slots, pool, mask } = this;
    let i = h & mask;
    for (;;) {
      const b = i * 3;
      const o = slots[b + 1]!;
      if (o === 0) return ~i;
      if (slots[b] === h && slots[b + 2] === s.length) {
        let j = 0;
        for (let p = o - 1; j < s.length && pool[p] === s.charCodeAt(j); j++, p++);
        if (j === s.length) return i;
      }
      i = (i + 1) & mask;
    }
  }

  has(s: string): boolean {
    if (this.ranges) {
      // The last range whose first key is not after `s` is the only one that may hold it.
      const rs = this.ranges;
      let lo = 0;
      let hi = rs.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (rangeKey(rs[mid]!, rs[mid]!.from) <= s) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return at >= 0 && inRange(rs[at]!, s);
    }
    if (this.run) return this.search(s) >= 0;
    return this.find(s, StringSet.hash(s)) >= 0;
  }

  /** Sorted-run mode: the i-th key. */
  private key(i: number): string {
    const b = i >> BLOCK_BITS;
    if (b === this.blocks.length) return this.pending[i & (BLOCK - 1)]!;
    const run = this.run!;
    return this.blocks[b]!.slice(i & (BLOCK - 1) ? run[i - 1]! : 0, run[i]!);
  }

  /** Sorted-run mode: compares `s` with the i-th key of the run (negative, zero or positive, as `<`/`>` on strings). */
  private compare(s: string, i: number): number {
    const b = i >> BLOCK_BITS;
    if (b === this.blocks.length) {
      const k = this.pending[i & (BLOCK - 1)]!;
      return s < k ? -1 : s > k ? 1 : 0;
    }
    const run = this.run!;
    const text = this.blocks[b]!;
    const start = i & (BLOCK - 1) ? run[i - 1]! : 0;
    const end = run[i]!;
    const n = Math.min(s.length, end - start);
    for (let j = 0; j < n; j++) {
      const d = s.charCodeAt(j) - text.charCodeAt(start + j);
      if (d !== 0) return d;
    }
    return s.length - (end - start);
  }

  /** Sorted-run mode: the index of `s` in the run, or -1. */
  private search(s: string): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(s, mid);
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  /** Appends characters to the pool, growing it when needed. */
  private append(s: string): void {
    if (this.used + s.length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.used + s.length));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    const pool = this.pool;
    const used = this.used;
    for (let j = 0; j < s.length; j++) pool[used + j] = s.charCodeAt(j);
    this.used += s.length;
  }

  /** Leaves sorted-run mode: every key of the run goes into the pool and the hash table. */
  private toHashTable(): void {
    const n = this.size;
    let cap = 1024;
    while (n * 2 > cap - 1) cap *= 4;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 3);
    for (let k = 0; k < n; k++) {
      const key = this.key(k);
      const h = StringSet.hash(key);
      const { slots, mask } = this;
      let i = h & mask;
      while (slots[i * 3 + 1] !== 0) i = (i + 1) & mask;
      slots[i * 3] = h;
      slots[i * 3 + 1] = this.used + 1;
      slots[i * 3 + 2] = key.length;
      this.append(key);
    }
    this.run = undefined;
    this.blocks = [];
    this.pending = [];
  }

  /** Range mode: whether `s` is the key right after the current range's last. */
  private continues(s: string): boolean {
    const r = this.current;
    const p = r.prefix;
    const pl = p.length;
    if (r.width === 0 || s.length !== pl + r.width) return false;
    for (let i = 0; i < pl; i++) if (s.charCodeAt(i) !== p.charCodeAt(i)) return false;
    let n = 0;
    for (let i = pl; i < s.length; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return false;
      n = n * 10 + d;
    }
    return n === r.to + 1;
  }

  /** Range mode: adds a key that does not continue the current range. */
  private addRange(s: string): boolean {
    const rs = this.ranges!;
    if (rs.length) {
      const last = rangeKey(this.current, this.current.to);
      if (!(s > last)) {
        if (s === last) return false;
        this.leaveRanges();
        return this.add(s);
      }
    }
    // The trailing digits (at most MAX_WIDTH) are the number; the rest is the prefix.
    let start = s.length;
    while (start > 0 && s.length - start < MAX_WIDTH) {
      const d = s.charCodeAt(start - 1) - 48;
      if (d < 0 || d > 9) break;
      start--;
    }
    const n = start < s.length ? Number(s.slice(start)) : 0;
    this.current = { prefix: s.slice(0, start), width: s.length - start, from: n, to: n };
    rs.push(this.current);
    this.size++;
    if (rs.length > 64 && rs.length * 4 > this.size) this.leaveRanges();
    return true;
  }

  /** Leaves range mode: every key goes into the sorted run, in order. */
  private leaveRanges(): void {
    const rs = this.ranges!;
    this.ranges = undefined;
    this.size = 0;
    for (const r of rs) for (let n = r.from; n <= r.to; n++) this.add(rangeKey(r, n));
  }

  /** Adds `s`; returns false when it was already there. */
  add(s: string): boolean {
    if (this.ranges) {
      if (this.size && this.continues(s)) {
        this.current.to++;
        this.size++;
        return true;
      }
      return this.addRange(s);
    }
    if (this.run) {
      const i = this.size;
      const last = i === 0 ? '' : this.pending[(i - 1) & (BLOCK - 1)]!;
      if (i === 0 || s > last) {
        if (i === this.run.length) {
          const bigger = new Int32Array(this.run.length * 2);
          bigger.set(this.run);
          this.run = bigger;
        }
        const j = i & (BLOCK - 1);
        this.run[i] = (j ? this.run[i - 1]! : 0) + s.length;
        this.pending[j] = s;
        if (j === BLOCK - 1) this.blocks.push(this.pending.join(''));
        this.size++;
        return true;
      }
      if (s === last) return false;
      this.toHashTable();
    }
    const h = StringSet.hash(s);
    const slot = this.find(s, h);
    if (slot >= 0) return false;
    const b = ~slot * 3;
    this.slots[b] = h;
    this.slots[b + 1] = this.used + 1;
    this.slots[b + 2] = s.length;
    this.append(s);
    this.size++;
    if (this.size * 2 > this.mask) this.grow();
    return true;
  }

  /** Four times larger, so a table of n keys is rebuilt only log4(n) times. */
  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 4;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 3);
    for (let b = 0; b < old.length; b += 3) {
      if (old[b + 1] === 0) continue;
      let i = old[b]! & this.mask;
      while (this.slots[i * 3 + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[i * 3] = old[b]!;
      this.slots[i * 3 + 1] = old[b + 1]!;
      this.slots[i * 3 + 2] = old[b + 2]!;
    }
  }
}
