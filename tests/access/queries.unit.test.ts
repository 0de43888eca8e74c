import { referencesOf } from '../../plugins/liaison/server/src/access/relation-input';
import { sortPaths, unreadableInFilters, unreadableInPopulate, unreadableInSort } from '../../plugins/liaison/server/src/access/query-fields';

/** A small schema: posts held by alumni of cohorts of colleges. */
const MODELS: Record<string, { attributes: Record<string, any> }> = {
  post: { attributes: { label: { type: 'string' }, alumnus: { type: 'relation', target: 'alumnus' }, cohort: { type: 'relation', target: 'cohort' } } },
  alumnus: { attributes: { name: { type: 'string' }, phone: { type: 'string' }, cohort: { type: 'relation', target: 'cohort' } } },
  cohort: { attributes: { code: { type: 'string' }, college: { type: 'relation', target: 'college' } } },
  college: { attributes: { name: { type: 'string' } } },
};
/** Reads posts and alumni (not their phone); nothing of cohorts and colleges. */
const walk = {
  models: (uid: string) => MODELS[uid],
  canRead: (uid: string, field: string) => field === 'id' || (uid === 'post') || (uid === 'alumnus' && field !== 'phone'),
};

describe('relation input', () => {
  it('lists every record named, in every form Strapi takes', () => {
    expect(referencesOf({ connect: [{ id: 1 }, { documentId: 'abc' }], disconnect: [{ id: 9 }] })).toEqual({ ids: [1], documentIds: ['abc'] });
    expect(referencesOf({ set: ['abc', 'def'] })).toEqual({ ids: [], documentIds: ['abc', 'def'] });
    expect(referencesOf([3, 'xyz', { id: '4' }])).toEqual({ ids: [3, 4], documentIds: ['xyz'] });
    // As Strapi reads a bare value: an id when it starts with a number.
    expect(referencesOf('12abc')).toEqual({ ids: [12], documentIds: [] });
    expect(referencesOf({ connect: { documentId: 'abc', id: 5 } })).toEqual({ ids: [5], documentIds: ['abc'] });
    expect(referencesOf(null)).toEqual({ ids: [], documentIds: [] });
    expect(referencesOf({ disconnect: [1] })).toEqual({ ids: [], documentIds: [] });
  });
});

describe('query fields', () => {
  it('finds an unreadable field at any depth of a filter, through relations and dotted keys', () => {
    expect(unreadableInFilters(walk, 'alumnus', { $and: [{ id: { $eq: 1 } }, { phone: { $startsWith: '19' } }] })).toEqual({
      path: ['filters', 'phone'],
      field: 'phone',
    });
    expect(unreadableInFilters(walk, 'post', { $or: [{ $not: { alumnus: { phone: { $eq: '1' } } } }] })).toEqual({
      path: ['filters', 'alumnus', 'phone'],
      field: 'alumnus.phone',
    });
    expect(unreadableInFilters(walk, 'post', { 'alumnus.phone': { $eq: '1' } })?.path).toEqual(['filters', 'alumnus', 'phone']);
    expect(unreadableInFilters(walk, 'post', { label: { $eq: 'x' }, alumnus: { name: { $eq: 'y' } } })).toBeNull();
    expect(unreadableInFilters(walk, 'post', { unknown: { $eq: 1 } })?.path).toEqual(['filters', 'unknown']);
  });

  it('lets a condition link records to identifiers past a first readable relation, never to a value', () => {
    expect(unreadableInFilters(walk, 'post', { cohort: { college: { id: { $in: [1] } } } })).toBeNull();
    expect(unreadableInFilters(walk, 'post', { 'cohort.college.id': { $in: [1] } })).toBeNull();
    expect(unreadableInFilters(walk, 'post', { cohort: { college: { name: { $eq: 'x' } } } })?.path).toEqual(['filters', 'cohort', 'college']);
    expect(unreadableInFilters(walk, 'alumnus', { cohort: { code: { $eq: 'x' } } })?.path).toEqual(['filters', 'cohort', 'code']);
  });

  it('reads sorts in every spelling', () => {
    expect(sortPaths('name:asc, alumnus.phone:DESC')).toEqual([['name'], ['alumnus', 'phone']]);
    expect(sortPaths(['phone', { alumnus: { phone: 'asc' } }, { 'alumnus.name': 'desc' }])).toEqual([['phone'], ['alumnus', 'phone'], ['alumnus', 'name']]);
    expect(unreadableInSort(walk, 'post', 'alumnus.phone:asc')).toEqual({ path: ['sort'], field: 'alumnus.phone' });
    expect(unreadableInSort(walk, 'alumnus', [{ name: 'asc' }])).toBeNull();
  });

  it('looks into the filters and sorts of a populate', () => {
    expect(unreadableInPopulate(walk, 'post', { alumnus: { filters: { phone: { $null: false } } } })?.path).toEqual(['populate', 'alumnus', 'filters', 'phone']);
    expect(unreadableInPopulate(walk, 'post', { alumnus: { populate: { cohort: { sort: 'code' } } } })?.path).toEqual(['populate', 'alumnus', 'populate', 'cohort', 'sort']);
    expect(unreadableInPopulate(walk, 'post', { alumnus: { fields: ['name'] }, cohort: true })).toBeNull();
  });
});
