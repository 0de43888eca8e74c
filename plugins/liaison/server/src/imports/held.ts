import { ALUMNUS_ATTRIBUTES, type AlumnusValues, type CleanRow } from './rows';
import type { Degree } from './normalise';

/**
 * The checked rows of a file, held from the read until they are written: each as one line of
 * UTF-8 (its fields joined) in large buffers outside the JavaScript heap, about a third of
 * what the row's objects and strings would take. Outside the heap, they do not raise the
 * point at which the garbage collector next collects (it lets the heap grow to a multiple of
 * what it found alive): a file of 300,000 rows holds about 50 MB there.
 */
const SEP = '\u0001';
/** A field the file has no column for (undefined), as opposed to an empty cell (null, ''). */
const NONE = '\u0002';
const OPTIONAL = ALUMNUS_ATTRIBUTES.filter((a) => a !== 'name');
/** Bytes of one buffer of held rows. */
const CHUNK = 4 * 1024 * 1024;

const field = (value: string | number | null | undefined) => (value === undefined ? NONE : value === null ? '' : String(value));

/** The row as one string; null in the rare case a value holds a separator (then the row is held as it is). */
export const pack = (r: CleanRow): string | null => {
  const v = r.values as unknown as Record<string, string | null | undefined>;
  const parts = [
    field(r.row),
    field(r.gradYear),
    field(r.degree),
    field(r.refs.college),
    field(r.refs.cohort),
    field(r.refs.industry),
    field(v.name),
    field(v.studentNo),
    ...OPTIONAL.map((a) => field(v[a])),
  ];
  for (const p of parts) if (p.includes(SEP) || (p !== NONE && p.includes(NONE))) return null;
  return parts.join(SEP);
};

const text = (f: string) => (f === '' ? null : f);

export const unpack = (packed: string): CleanRow => {
  const f = packed.split(SEP);
  const values: AlumnusValues = { name: f[6], studentNo: f[7] };
  OPTIONAL.forEach((a, i) => {
    const x = f[8 + i];
    if (x !== NONE) (values as unknown as Record<string, string | null>)[a] = text(x);
  });
  return {
    row: Number(f[0]),
    gradYear: f[1] === '' || f[1] === NONE ? null : Number(f[1]),
    degree: (f[2] === '' || f[2] === NONE ? null : f[2]) as Degree | null,
    refs: { college: f[3] === NONE ? null : text(f[3]), cohort: f[4] === NONE ? null : text(f[4]), industry: f[5] === NONE ? null : text(f[5]) },
    values,
  };
};

/** Rows held in file order, with their row numbers and student numbers beside them for the checks of the whole file. */
export class HeldRows {
  private chunks: Buffer[] = [];
  private used = CHUNK;
  /** Where each row is: its buffer, start and end (end -1: let go). */
  private where: { chunk: number[]; start: number[]; end: number[] } = { chunk: [], start: [], end: [] };
  /** Rows that could not be packed, held as they are. */
  private whole = new Map<number, CleanRow>();
  readonly numbers: number[] = [];
  readonly studentNos: string[] = [];

  add(r: CleanRow) {
    const i = this.numbers.length;
    this.numbers.push(r.row);
    this.studentNos.push(r.values.studentNo);
    const packed = pack(r);
    if (packed === null) {
      this.whole.set(i, r);
      this.where.chunk.push(-1);
      this.where.start.push(0);
      this.where.end.push(0);
      return;
    }
    const bytes = Buffer.byteLength(packed);
    if (this.used + bytes > CHUNK) {
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK, bytes)));
      this.used = 0;
    }
    const chunk = this.chunks.length - 1;
    this.chunks[chunk].write(packed, this.used);
    this.where.chunk.push(chunk);
    this.where.start.push(this.used);
    this.where.end.push(this.used + bytes);
    this.used += bytes;
  }

  get length() {
    return this.numbers.length;
  }

  /** Whether the i-th row is still held. */
  has(i: number) {
    return this.where.end[i] >= 0;
  }

  /** The i-th row (undefined once let go). */
  at(i: number): CleanRow | undefined {
    if (!this.has(i)) return undefined;
    const chunk = this.where.chunk[i];
    if (chunk < 0) return this.whole.get(i);
    return unpack(this.chunks[chunk].toString('utf8', this.where.start[i], this.where.end[i]));
  }

  /** Lets the i-th row go: it is written, or rejected. */
  release(i: number) {
    this.where.end[i] = -1;
    this.whole.delete(i);
  }
}
