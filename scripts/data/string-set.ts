/**
 * A set of strings for key checks on large tables (primary keys, unique
 * columns, referenced keys). A JavaScript `Set` of a million strings costs
 * more time than parsing the file and holds every string as an object; this
 * keeps the characters in one growing typed array and the slots in typed
 * arrays (open addressing, linear probing), so memory stays compact and the
 * garbage collector has little to trace. Exact: equal hashes are confirmed
 * by comparing characters.
 */
export class StringSet {
  size = 0;
  private mask = 1023;
  /** Three ints per slot: hash, offset of the characters in the pool plus one (0 = empty), length. */
  private slots = new Int32Array(1024 * 3);
  private pool = new Uint16Array(1 << 16);
  private used = 0;

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
    return this.find(s, StringSet.hash(s)) >= 0;
  }

  /** Adds `s`; returns false when it was already there. */
  add(s: string): boolean {
    const h = StringSet.hash(s);
    const slot = this.find(s, h);
    if (slot >= 0) return false;
    if (this.used + s.length > this.pool.length) {
      const bigger = new Uint16Array(Math.max(this.pool.length * 2, this.used + s.length));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    for (let j = 0; j < s.length; j++) this.pool[this.used + j] = s.charCodeAt(j);
    const b = ~slot * 3;
    this.slots[b] = h;
    this.slots[b + 1] = this.used + 1;
    this.slots[b + 2] = s.length;
    this.used += s.length;
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
