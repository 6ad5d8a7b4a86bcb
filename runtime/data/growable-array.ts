/**
 * Typed arrays that grow as rows stream in (doubling), so readers never hold arrays of row objects.
 */
export class GrowableFloat64Array {
  private buffer: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = value;
  }

  get(index: number): number {
    return this.buffer[index] as number;
  }

  /** An exact-length copy of the values pushed so far. */
  toArray(): Float64Array {
    return this.buffer.slice(0, this.length);
  }

  private grow(): void {
    const next = new Float64Array(this.buffer.length * 2);
    next.set(this.buffer);
    this.buffer = next;
  }
}

export class GrowableInt32Array {
  private buffer: Int32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Int32Array(Math.max(16, initialCapacity));
  }

  push(value: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = value;
  }

  get(index: number): number {
    return this.buffer[index] as number;
  }

  toArray(): Int32Array {
    return this.buffer.slice(0, this.length);
  }

  private grow(): void {
    const next = new Int32Array(this.buffer.length * 2);
    next.set(this.buffer);
    this.buffer = next;
  }
}
