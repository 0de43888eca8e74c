import { ALUMNUS_ATTRIBUTES, type AlumnusValues, type CleanRow } from './rows';
import type { Degree } from './normalise';

/**
 * The checked rows of a file, held from the read until they are written: each as one string
 * (its fields joined), about half what the row's objects and strings would take, and let go
 * as soon as it is written. A file of 300,000 rows is held in about 100 MB.
 */
const SEP = '\u0001';
/** A field the file has no column for (undefined), as opposed to an empty cell (null, ''). */
const NONE = '\u0002';
const OPTIONAL = ALUMNUS_ATTRIBUTES.filter((a) => a !== 'name');

const field = (value: string | number | null | undefined) => (value === undefined ? NONE : value === null ? '' : String(value));

/** The row as one string; the row itself in the rare case a value holds a separator. */
export const pack = (r: CleanRow): string | CleanRow => {
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
  const text = parts.join(SEP);
  for (const p of parts) if (p.includes(SEP) || (p !== NONE && p.includes(NONE))) return r;
  return text;
};

const text = (f: string) => (f === '' ? null : f);

export const unpack = (held: string | CleanRow): CleanRow => {
  if (typeof held !== 'string') return held;
  const f = held.split(SEP);
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
  private rows: (string | CleanRow | undefined)[] = [];
  readonly numbers: number[] = [];
  readonly studentNos: string[] = [];

  add(r: CleanRow) {
    this.rows.push(pack(r));
    this.numbers.push(r.row);
    this.studentNos.push(r.values.studentNo);
  }

  get length() {
    return this.rows.length;
  }

  /** The i-th row (undefined once let go). */
  at(i: number): CleanRow | undefined {
    const held = this.rows[i];
    return held === undefined ? undefined : unpack(held);
  }

  /** Whether the i-th row is still held. */
  has(i: number) {
    return this.rows[i] !== undefined;
  }

  /** Lets the i-th row go: it is written, or rejected. */
  release(i: number) {
    this.rows[i] = undefined;
  }
}
