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
 * the keys are kept as a sorted run in the pool (looked up by binary
 * search) with no hash table at all. The first key out of order moves the
 * run into the hash table, which serves from then on.
 */
export class StringSet {
  size = 0;
  private mask = 1023;
  /** Three ints per slot: hash, offset of the characters in the pool plus one (0 = empty), length. */
  private slots = new Int32Array(1024 * 3);
  private pool = new Uint16Array(1 << 16);
  private used = 0;
  /** Sorted-run mode: start of each key in the pool (key i ends where key i + 1 starts, the last at `used`). */
  private run: Int32Array | undefined = new Int32Array(1024);
  private last = '';

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
    if (this.run) return this.search(s) >= 0;
    return this.find(s, StringSet.hash(s)) >= 0;
  }

  /** Sorted-run mode: compares `s` with the i-th key of the run (negative, zero or positive, as `<`/`>` on strings). */
  private compare(s: string, i: number): number {
    const { pool, run } = this;
    const start = run![i]!;
    const end = i + 1 < this.size ? run![i + 1]! : this.used;
    const n = Math.min(s.length, end - start);
    for (let j = 0; j < n; j++) {
      const d = s.charCodeAt(j) - pool[start + j]!;
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

  /** Leaves sorted-run mode: every key of the run goes into the hash table. */
  private toHashTable(): void {
    const run = this.run!;
    const n = this.size;
    this.run = undefined;
    let cap = 1024;
    while (n * 2 > cap - 1) cap *= 4;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 3);
    const { pool, slots, mask } = this;
    for (let k = 0; k < n; k++) {
      const start = run[k]!;
      const end = k + 1 < n ? run[k + 1]! : this.used;
      let h = 0;
      for (let p = start; p < end; p++) h = (Math.imul(h, 31) + pool[p]!) | 0;
      h ^= h >>> 16;
      let i = h & mask;
      while (slots[i * 3 + 1] !== 0) i = (i + 1) & mask;
      slots[i * 3] = h;
      slots[i * 3 + 1] = start + 1;
      slots[i * 3 + 2] = end - start;
    }
  }

  /** Adds `s`; returns false when it was already there. */
  add(s: string): boolean {
    if (this.run) {
      if (this.size === 0 || s > this.last) {
        if (this.size === this.run.length) {
          const bigger = new Int32Array(this.run.length * 2);
          bigger.set(this.run);
          this.run = bigger;
        }
        this.run[this.size] = this.used;
        this.append(s);
        this.last = s;
        this.size++;
        return true;
      }
      if (s === this.last) return false;
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
