/**
 * The two hot loops of tree growing — accumulating a node's histogram and partitioning a node's
 * rows (with their bins and gradients, so that every node's data is contiguous) — as a small
 * hand-assembled WebAssembly module, which runs them 3–4 times faster than the
 * same loops in JavaScript (no bounds checks, plain loads and stores).
 *
 * The module imports one linear memory; every array the kernels touch lives in it, addressed by
 * byte offsets (see GbdtWorkspace). The bytes are assembled here at load time from the
 * instruction lists below, so there is no build step and no binary blob in the repository.
 */

const I32 = 0x7f;
const F64 = 0x7c;

function uleb(value: number): number[] {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(value: number): number[] {
  const out: number[] = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (text: string): number[] => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

// Instructions.
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (v: number) => [0x41, ...sleb(v)];
const f64 = (v: number) => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)];
const block = [0x02, 0x40];
const loop = [0x03, 0x40];
const end = [0x0b];
const brIf = (depth: number) => [0x0d, depth];
const select = [0x1b];
const add = [0x6a];
const mul = [0x6c];
const shl = [0x74];
const xor = [0x73];
const eq = [0x46];
const ltU = [0x49];
const leU = [0x4d];
const geU = [0x4f];
const fadd = [0xa0];
const load32 = [0x28, 2, 0];
const store32 = [0x36, 2, 0];
const load8 = [0x2d, 0, 0];
const loadF64 = (offset: number) => [0x2b, 3, ...uleb(offset)];
const storeF64 = (offset: number) => [0x39, 3, ...uleb(offset)];

const I64 = 0x7e;
const loadI64 = (offset: number) => [0x29, 0, ...uleb(offset)];
const storeI64 = (offset: number) => [0x37, 0, ...uleb(offset)];
const loadI32 = (offset: number) => [0x28, 0, ...uleb(offset)];
const storeI32 = (offset: number) => [0x36, 0, ...uleb(offset)];
const loadU16 = (offset: number) => [0x2f, 0, ...uleb(offset)];
const storeI16 = (offset: number) => [0x3b, 0, ...uleb(offset)];
const loadU8 = (offset: number) => [0x2d, 0, ...uleb(offset)];
const storeI8 = (offset: number) => [0x3a, 0, ...uleb(offset)];
const memoryCopy = [0xfc, 0x0a, 0x00, 0x00];

/**
 * histogram(bins, start, end, featureCount, grad, hess, hist): for each position i in
 * [start, end) and each feature f, the bin b = bins[i * featureCount + f] gets
 * hist[f][b] += (grad[i], hess[i], 1). The bins, gradients and hessians are kept in node order
 * (partition moves each row's data with it), so every read is sequential. With `unitHessian` the
 * cells are (grad, count) and `hess` is ignored; without `counts` the count is left as it is.
 * Cells are float64; a feature has 256 bins.
 */
function histogramBody(unitHessian: boolean, counts: boolean): number[] {
  const [bins, start, stop, featureCount, grad, hess, hist] = [0, 1, 2, 3, 4, 5, 6];
  const [i, base, f, cell, g, h] = [7, 8, 9, 10, 11, 12];
  const cellBytes = unitHessian ? 16 : 24;
  return [
    ...vector([
      [4, I32],
      [2, F64],
    ]),
    ...get(start),
    ...set(i),
    ...block,
    ...get(i),
    ...get(stop),
    ...geU,
    ...brIf(0),
    ...loop,
    // base = bins + i * featureCount; g = grad[i]; h = hess[i]; f = 0
    ...get(bins),
    ...get(i),
    ...get(featureCount),
    ...mul,
    ...add,
    ...set(base),
    ...get(grad),
    ...get(i),
    ...i32(3),
    ...shl,
    ...add,
    ...loadF64(0),
    ...set(g),
    ...(unitHessian ? [] : [...get(hess), ...get(i), ...i32(3), ...shl, ...add, ...loadF64(0), ...set(h)]),
    ...i32(0),
    ...set(f),
    ...loop,
    // cell = hist + ((f << 8) + bins[base + f]) * cellBytes
    ...get(hist),
    ...get(f),
    ...i32(8),
    ...shl,
    ...get(base),
    ...get(f),
    ...add,
    ...load8,
    ...add,
    ...i32(cellBytes),
    ...mul,
    ...add,
    ...set(cell),
    ...get(cell),
    ...get(cell),
    ...loadF64(0),
    ...get(g),
    ...fadd,
    ...storeF64(0),
    ...(unitHessian ? [] : [...get(cell), ...get(cell), ...loadF64(8), ...get(h), ...fadd, ...storeF64(8)]),
    ...(counts
      ? [
          ...get(cell),
          ...get(cell),
          ...loadF64(cellBytes - 8),
          ...f64(1),
          ...fadd,
          ...storeF64(cellBytes - 8),
        ]
      : []),
    // while (++f < featureCount)
    ...get(f),
    ...i32(1),
    ...add,
    ...tee(f),
    ...get(featureCount),
    ...ltU,
    ...brIf(0),
    ...end,
    // while (++i < end)
    ...get(i),
    ...i32(1),
    ...add,
    ...tee(i),
    ...get(stop),
    ...ltU,
    ...brIf(0),
    ...end,
    ...end,
    ...end,
  ];
}

/** Features up to which the kernels are generated for the exact feature count, loops unrolled. */
const UNROLL_FEATURES_UP_TO = 256;

/**
 * The histogram kernel for exactly `featureCount` features, its feature loop unrolled: each
 * feature's bin byte and histogram cells are reached through constant offsets.
 */
function unrolledHistogramBody(unitHessian: boolean, counts: boolean, featureCount: number): number[] {
  const [bins, start, stop, count, grad, hess, hist] = [0, 1, 2, 3, 4, 5, 6];
  const [i, base, cell, g, h] = [7, 8, 9, 10, 11];
  const cellBytes = unitHessian ? 16 : 24;
  const featureBytes = 256 * cellBytes;
  const perFeature: number[] = [];
  for (let f = 0; f < featureCount; f++) {
    const at = f * featureBytes;
    perFeature.push(
      // cell = hist + bins[base + f] * cellBytes
      ...get(base),
      ...loadU8(f),
      ...i32(cellBytes),
      ...mul,
      ...get(hist),
      ...add,
      ...set(cell),
      ...get(cell),
      ...get(cell),
      ...loadF64(at),
      ...get(g),
      ...fadd,
      ...storeF64(at),
      ...(unitHessian
        ? []
        : [...get(cell), ...get(cell), ...loadF64(at + 8), ...get(h), ...fadd, ...storeF64(at + 8)]),
      ...(counts
        ? [
            ...get(cell),
            ...get(cell),
            ...loadF64(at + cellBytes - 8),
            ...f64(1),
            ...fadd,
            ...storeF64(at + cellBytes - 8),
          ]
        : []),
    );
  }
  return [
    ...vector([
      [3, I32],
      [2, F64],
    ]),
    ...get(start),
    ...set(i),
    ...block,
    ...get(i),
    ...get(stop),
    ...geU,
    ...brIf(0),
    ...loop,
    ...get(bins),
    ...get(i),
    ...get(count),
    ...mul,
    ...add,
    ...set(base),
    ...get(grad),
    ...get(i),
    ...i32(3),
    ...shl,
    ...add,
    ...loadF64(0),
    ...set(g),
    ...(unitHessian ? [] : [...get(hess), ...get(i), ...i32(3), ...shl, ...add, ...loadF64(0), ...set(h)]),
    ...perFeature,
    ...get(i),
    ...i32(1),
    ...add,
    ...tee(i),
    ...get(stop),
    ...ltU,
    ...brIf(0),
    ...end,
    ...end,
    ...end,
  ];
}

/** How a row's `featureCount` bin bytes are copied: exact 8/4/2/1-byte pieces, no over-copy. */
function rowPieces(featureCount: number): { offset: number; bytes: 8 | 4 | 2 | 1 }[] {
  const pieces: { offset: number; bytes: 8 | 4 | 2 | 1 }[] = [];
  let offset = 0;
  for (const bytes of [8, 4, 2, 1] as const) {
    while (featureCount - offset >= bytes) {
      pieces.push({ offset, bytes });
      offset += bytes;
    }
  }
  return pieces;
}

/**
 * partition(bins, rows, grad, hess, scratchBins, scratch, scratchGrad, scratchHess, start, end,
 * featureCount, feature, threshold, missingLeft) → mid: stable, branch-free split of the node
 * at positions [start, end) by `bins[i * featureCount + feature] <= threshold` (the missing bin
 * 255 goes left when missingLeft is 1). Each row moves with its data — row index, gradient,
 * hessian and its featureCount bin bytes — so the node's data stays contiguous. Left rows are
 * compacted from `start` and the returned index is where they end; right rows go to the scratch
 * arrays from 0, for the caller to copy back. With `unitHessian` there are no hessians to move.
 * With `featureCount` given, the bin bytes are copied in fixed pieces; otherwise by memory.copy.
 */
function partitionBody(unitHessian: boolean, featureCount: number | undefined): number[] {
  const [bins, rows, grad, hess, scratchBins, scratch, scratchGrad, scratchHess] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [start, stop, count, feature, threshold, missingLeft] = [8, 9, 10, 11, 12, 13];
  const [i, left, right, row, bin, goLeft, src, leftAt, rightAt] = [14, 15, 16, 17, 18, 19, 20, 21, 22];
  const [g, h] = [23, 24];
  const pieces = featureCount === undefined ? [] : rowPieces(featureCount);
  const firstPiece = 25;
  const pieceType = (bytes: number) => (bytes === 8 ? I64 : I32);
  const load = (bytes: number, offset: number) =>
    bytes === 8
      ? loadI64(offset)
      : bytes === 4
        ? loadI32(offset)
        : bytes === 2
          ? loadU16(offset)
          : loadU8(offset);
  const store = (bytes: number, offset: number) =>
    bytes === 8
      ? storeI64(offset)
      : bytes === 4
        ? storeI32(offset)
        : bytes === 2
          ? storeI16(offset)
          : storeI8(offset);
  /** target[slot] = local, for elements of 2^shift bytes. */
  const storeAt = (target: number, slot: number, shift: number, local: number, op: number[]) => [
    ...get(target),
    ...get(slot),
    ...i32(shift),
    ...shl,
    ...add,
    ...get(local),
    ...op,
  ];
  const copyBins =
    featureCount === undefined
      ? [
          // memory.copy(rightAt, src, count), then (overlap-safe) memory.copy(leftAt, src, count)
          ...get(rightAt),
          ...get(src),
          ...get(count),
          ...memoryCopy,
          ...get(leftAt),
          ...get(src),
          ...get(count),
          ...memoryCopy,
        ]
      : [
          // Load every piece before storing any: the left target may overlap the source row.
          ...pieces.flatMap((piece, k) => [
            ...get(src),
            ...load(piece.bytes, piece.offset),
            ...set(firstPiece + k),
          ]),
          ...pieces.flatMap((piece, k) => [
            ...get(leftAt),
            ...get(firstPiece + k),
            ...store(piece.bytes, piece.offset),
            ...get(rightAt),
            ...get(firstPiece + k),
            ...store(piece.bytes, piece.offset),
          ]),
        ];
  return [
    ...vector([[9, I32], [2, F64], ...pieces.map((piece) => [1, pieceType(piece.bytes)])]),
    ...get(start),
    ...tee(i),
    ...set(left),
    ...block,
    ...get(i),
    ...get(stop),
    ...geU,
    ...brIf(0),
    ...loop,
    // src = bins + i * count; row = rows[i]; g = grad[i]; h = hess[i]
    ...get(bins),
    ...get(i),
    ...get(count),
    ...mul,
    ...add,
    ...set(src),
    ...get(rows),
    ...get(i),
    ...i32(2),
    ...shl,
    ...add,
    ...load32,
    ...set(row),
    ...get(grad),
    ...get(i),
    ...i32(3),
    ...shl,
    ...add,
    ...loadF64(0),
    ...set(g),
    ...(unitHessian ? [] : [...get(hess), ...get(i), ...i32(3), ...shl, ...add, ...loadF64(0), ...set(h)]),
    // bin = bins[src + feature]; goLeft = bin == 255 ? missingLeft : bin <= threshold
    ...get(src),
    ...get(feature),
    ...add,
    ...load8,
    ...set(bin),
    ...get(missingLeft),
    ...get(bin),
    ...get(threshold),
    ...leU,
    ...get(bin),
    ...i32(255),
    ...eq,
    ...select,
    ...set(goLeft),
    // Write the row to both sides; only the side it belongs to advances.
    ...get(bins),
    ...get(left),
    ...get(count),
    ...mul,
    ...add,
    ...set(leftAt),
    ...get(scratchBins),
    ...get(right),
    ...get(count),
    ...mul,
    ...add,
    ...set(rightAt),
    ...copyBins,
    ...storeAt(rows, left, 2, row, store32),
    ...storeAt(scratch, right, 2, row, store32),
    ...storeAt(grad, left, 3, g, storeF64(0)),
    ...storeAt(scratchGrad, right, 3, g, storeF64(0)),
    ...(unitHessian
      ? []
      : [...storeAt(hess, left, 3, h, storeF64(0)), ...storeAt(scratchHess, right, 3, h, storeF64(0))]),
    // left += goLeft; right += goLeft ^ 1
    ...get(left),
    ...get(goLeft),
    ...add,
    ...set(left),
    ...get(right),
    ...get(goLeft),
    ...i32(1),
    ...xor,
    ...add,
    ...set(right),
    ...get(i),
    ...i32(1),
    ...add,
    ...tee(i),
    ...get(stop),
    ...ltU,
    ...brIf(0),
    ...end,
    ...end,
    ...get(left),
    ...end,
  ];
}

function moduleBytes(featureCount: number): Uint8Array {
  const histogramType = [0x60, ...vector(new Array(7).fill([I32])), ...vector([])];
  const partitionType = [0x60, ...vector(new Array(14).fill([I32])), ...vector([[I32]])];
  const unrolled = featureCount <= UNROLL_FEATURES_UP_TO;
  const histogram = (unitHessian: boolean, counts: boolean) =>
    unrolled ? unrolledHistogramBody(unitHessian, counts, featureCount) : histogramBody(unitHessian, counts);
  // In the order of HISTOGRAM_KERNELS, then the two partitions.
  const bodies = [
    histogram(false, true),
    histogram(true, true),
    histogram(false, false),
    histogram(true, false),
    partitionBody(false, unrolled ? featureCount : undefined),
    partitionBody(true, unrolled ? featureCount : undefined),
  ];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vector([histogramType, partitionType])),
    // A shared memory (limits flag 3: shared, with a maximum), so a worker thread can use it too.
    ...section(
      2,
      vector([[...name("env"), ...name("memory"), 0x02, 0x03, ...uleb(1), ...uleb(WASM_MAX_PAGES)]]),
    ),
    ...section(3, vector([[0], [0], [0], [0], [1], [1]])),
    ...section(
      7,
      vector([
        ...HISTOGRAM_KERNELS.map((kernel, index) => [...name(kernel), 0x00, index]),
        [...name("partition"), 0x00, HISTOGRAM_KERNELS.length],
        [...name("partitionUnitHessian"), 0x00, HISTOGRAM_KERNELS.length + 1],
      ]),
    ),
    ...section(10, vector(bodies.map((body) => [...uleb(body.length), ...body]))),
  ]);
}

/**
 * The histogram kernels by index: with hessians or unit hessians (cells of gradient, hessian,
 * count or of gradient, count), and with or without counting rows (the root's counts are the same
 * in every tree, so after the first tree they are copied in rather than counted again).
 */
export const HISTOGRAM_KERNELS = [
  "histogram",
  "histogramUnitHessian",
  "histogramNoCount",
  "histogramUnitHessianNoCount",
] as const;
export type HistogramKernel = (typeof HISTOGRAM_KERNELS)[number];

/** The index into HISTOGRAM_KERNELS of the kernel for these cells. */
export function histogramKernelIndex(unitHessian: boolean, counts: boolean): number {
  return (unitHessian ? 1 : 0) + (counts ? 0 : 2);
}

export type HistogramFunction = (
  bins: number,
  start: number,
  end: number,
  featureCount: number,
  grad: number,
  hess: number,
  hist: number,
) => void;

export type PartitionFunction = (
  bins: number,
  rows: number,
  grad: number,
  hess: number,
  scratchBins: number,
  scratch: number,
  scratchGrad: number,
  scratchHess: number,
  start: number,
  end: number,
  featureCount: number,
  feature: number,
  threshold: number,
  missingLeft: number,
) => number;

export interface GbdtKernels extends Record<HistogramKernel, HistogramFunction> {
  partition: PartitionFunction;
  partitionUnitHessian: PartitionFunction;
}

/** The parts of the WebAssembly JS API used here (the project's TypeScript libs do not declare it). */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Bytes in a WebAssembly memory page. */
export const WASM_PAGE_BYTES = 65_536;
/** The most pages a 32-bit WebAssembly memory can have (4 GiB). */
export const WASM_MAX_PAGES = 65_536;

/** A shared memory of `pages` pages (shared so that worker threads can run kernels over it). */
export function createWasmMemory(pages: number): WasmMemory {
  return new wasm.Memory({ initial: pages, maximum: pages, shared: true });
}

const compiled = new Map<number, object>();

/**
 * The compiled kernel module for `featureCount` features (compiled once per process and feature
 * count); worker threads instantiate it over the same memory.
 */
export function gbdtKernelModule(featureCount: number): object {
  const key = featureCount <= UNROLL_FEATURES_UP_TO ? featureCount : 0;
  let module = compiled.get(key);
  if (module === undefined) {
    module = new wasm.Module(moduleBytes(featureCount));
    compiled.set(key, module);
  }
  return module;
}

/** The kernels over `memory`, for `featureCount` features. */
export function gbdtKernels(memory: WasmMemory, featureCount: number): GbdtKernels {
  const instance = new wasm.Instance(gbdtKernelModule(featureCount), { env: { memory } });
  return instance.exports as GbdtKernels;
}
