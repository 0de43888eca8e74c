/** The driver's own serialisation of a parameter (pg's exported `lib/*` path): an array becomes its PostgreSQL literal. */
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): unknown;
}
