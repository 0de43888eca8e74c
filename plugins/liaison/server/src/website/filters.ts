import { fieldError, type FieldError } from '../rules/field-error';
import type { PublicType, ScalarKind, ScalarSpec, TargetSpec } from './public-types';
import { asList, checkValue, INT_MAX, INT_MIN, isObject, own, schemaOf, type ValueSpec } from './values';

/**
 * `filters` of a public list, checked field by field and operator by operator against
 * what each field's column can answer (no `$contains` on a date, no text for a number),
 * and described to the website by the same tables (`filtersSchema`).
 */

/** A filter on a list field (cohort years, tags) that SQL answers: "the list contains this value". */
export interface ListFilter {
  field: string;
  value: string | number;
}

const TEXT_OPERATORS = [
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between',
  '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$null', '$notNull',
];
const ORDERED_OPERATORS = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between', '$null', '$notNull'];
const LIST_OPERATORS = new Set(['$in', '$notIn', '$between']);
const PRESENCE_OPERATORS = new Set(['$null', '$notNull']);
const LOGICAL = new Set(['$and', '$or']);
/** Values one `$in` may list: more is a query no page of the website needs. */
export const MAX_LIST = 100;
const MAX_DEPTH = 6;

/** How each kind of field is filtered: its operators, the value each takes, its schema's name. */
const KINDS: Partial<Record<ScalarKind, { operators: string[]; value: ValueSpec; schema: string }>> = {
  id: { operators: TEXT_OPERATORS, value: { type: 'string' }, schema: 'TextFilter' },
  string: { operators: TEXT_OPERATORS, value: { type: 'string' }, schema: 'TextFilter' },
  text: { operators: TEXT_OPERATORS, value: { type: 'string' }, schema: 'TextFilter' },
  enum: { operators: TEXT_OPERATORS, value: { type: 'string' }, schema: 'TextFilter' },
  datetime: { operators: ORDERED_OPERATORS, value: { type: 'datetime' }, schema: 'DateTimeFilter' },
  integer: { operators: ORDERED_OPERATORS, value: { type: 'integer', min: INT_MIN, max: INT_MAX }, schema: 'IntegerFilter' },
};
/** Lists (cohort years, tags) are asked one value at a time: "the stories that include 2006". */
const LISTS: Partial<Record<ScalarKind, { value: ValueSpec; schema: string }>> = {
  yearList: { value: { type: 'year' }, schema: 'YearListFilter' },
  tagList: { value: { type: 'string' }, schema: 'TagListFilter' },
};

const translateOperand = (op: string, value: ValueSpec, v: unknown, path: string, problems: FieldError[]) => {
  if (PRESENCE_OPERATORS.has(op)) return checkValue({ type: 'boolean' }, v, path, problems);
  if (!LIST_OPERATORS.has(op)) return checkValue(value, v, path, problems);
  const list = asList(v);
  if (!list) {
    problems.push(fieldError(path, 'website.list'));
    return [];
  }
  if (op === '$between' ? list.length !== 2 : list.length < 1 || list.length > MAX_LIST) {
    problems.push(op === '$between' ? fieldError(path, 'website.listOfTwo') : fieldError(path, 'website.listSize', { max: MAX_LIST }));
    return [];
  }
  return list.map((item, i) => checkValue(value, item, `${path}[${i}]`, problems));
};

const translateField = (spec: ScalarSpec, field: string, path: string, v: unknown, problems: FieldError[], lists: ListFilter[]) => {
  const list = LISTS[spec.kind];
  if (list) {
    const ops = isObject(v) ? v : { $contains: v };
    const [op] = Object.keys(ops);
    if (Object.keys(ops).length !== 1 || (op !== '$contains' && op !== '$eq')) {
      problems.push(fieldError(path, 'website.listField', { field }));
      return undefined;
    }
    const value = checkValue(list.value, ops[op], isObject(v) ? `${path}[${op}]` : path, problems);
    if (value !== undefined) lists.push({ field, value: value as string | number });
    return undefined;
  }
  const kind = KINDS[spec.kind];
  if (!kind) {
    problems.push(fieldError(path, 'website.notFilterable', { field }));
    return undefined;
  }
  if (!isObject(v)) return { $eq: checkValue(kind.value, v, path, problems) };
  const out: Record<string, unknown> = {};
  for (const [op, operand] of Object.entries(v)) {
    const at = `${path}[${op}]`;
    if (kind.operators.includes(op)) out[op] = translateOperand(op, kind.value, operand, at, problems);
    else problems.push(TEXT_OPERATORS.includes(op) ? fieldError(at, 'website.operatorFor', { field }) : fieldError(at, 'website.notOperator'));
  }
  return out;
};

/** The query's filters in the query engine's words; list filters are collected apart. */
export const translateFilters = (
  value: unknown,
  target: { fields: Record<string, ScalarSpec>; relations?: Record<string, { target: TargetSpec }> },
  path: string,
  problems: FieldError[],
  lists: ListFilter[],
  depth = 0
): Record<string, unknown> | undefined => {
  if (!isObject(value)) {
    problems.push(fieldError(path, 'website.filterObject'));
    return undefined;
  }
  if (depth > MAX_DEPTH) {
    problems.push(fieldError(path, 'website.tooDeep'));
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}[${key}]`;
    const field = own(target.fields, key);
    const relation = own(target.relations, key);
    if (LOGICAL.has(key)) {
      const list = asList(v);
      if (!list || !list.length || list.length > MAX_LIST) {
        problems.push(fieldError(at, 'website.filterList'));
        continue;
      }
      out[key] = list.map((item, i) => translateFilters(item, target, `${at}[${i}]`, problems, lists, depth + 1) ?? {});
    } else if (key === '$not') {
      out[key] = translateFilters(v, target, at, problems, lists, depth + 1);
    } else if (field) {
      const translated = translateField(field, key, at, v, problems, lists);
      if (translated !== undefined) out[key] = translated;
    } else if (relation?.target.filterable) {
      out[key] = translateFilters(v, { fields: relation.target.fields }, at, problems, lists, depth + 1);
    } else {
      problems.push(fieldError(at, 'website.notFilterField'));
    }
  }
  return out;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The schemas of one field's filter, by the name `filtersSchema` refers to them. */
export const FILTER_SCHEMAS: Record<string, Record<string, unknown>> = Object.fromEntries([
  ...Object.values(KINDS).map((kind) => {
    const operand = (op: string) =>
      PRESENCE_OPERATORS.has(op)
        ? { type: 'boolean' }
        : LIST_OPERATORS.has(op)
          ? { type: 'array', items: schemaOf(kind!.value), ...(op === '$between' ? { minItems: 2, maxItems: 2 } : { minItems: 1, maxItems: MAX_LIST }) }
          : schemaOf(kind!.value);
    const operators = { type: 'object', properties: Object.fromEntries(kind!.operators.map((op) => [op, operand(op)])), additionalProperties: false };
    return [kind!.schema, { description: 'a value (equal to it) or an object of operators', anyOf: [schemaOf(kind!.value), operators] }];
  }),
  ...Object.values(LISTS).map((list) => [
    list!.schema,
    {
      description: 'the records whose list includes the value',
      anyOf: [schemaOf(list!.value), { type: 'object', properties: { $contains: schemaOf(list!.value), $eq: schemaOf(list!.value) }, additionalProperties: false, minProperties: 1, maxProperties: 1 }],
    },
  ]),
]);

const fieldSchemas = (fields: Record<string, ScalarSpec>) =>
  Object.entries(fields)
    .map(([field, spec]) => [field, KINDS[spec.kind]?.schema ?? LISTS[spec.kind]?.schema] as const)
    .filter((entry): entry is readonly [string, string] => !!entry[1])
    .map(([field, schema]) => [field, ref(schema)]);

/** The schema of a type's `filters` (named `name` among the components, for its `$and`, `$or` and `$not`). */
export const filtersSchema = (type: PublicType, name: string) => ({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries([
    ...fieldSchemas(type.fields),
    ...Object.entries(type.relations)
      .filter(([, relation]) => relation.target.filterable)
      .map(([relation, spec]) => [relation, { type: 'object', additionalProperties: false, properties: Object.fromEntries(fieldSchemas(spec.target.fields)) }]),
    ['$and', { type: 'array', items: ref(name), minItems: 1, maxItems: MAX_LIST }],
    ['$or', { type: 'array', items: ref(name), minItems: 1, maxItems: MAX_LIST }],
    ['$not', ref(name)],
  ]),
});
