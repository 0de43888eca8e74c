import { checkMessage, classifyDbError, uniqueFieldError } from '../../plugins/liaison/server/src/utils/db-errors';

describe('database refusals', () => {
  it('recognise a PostgreSQL unique violation and its columns', () => {
    const problem = classifyDbError({
      code: '23505',
      message: 'insert into "liaison_alumni" ... duplicate key value violates unique constraint',
      detail: 'Key (student_no)=(2019001) already exists.',
      constraint: 'liaison_alumni_student_no_unique',
    });
    expect(problem).toEqual({ kind: 'unique', columns: ['student_no'], indexName: 'liaison_alumni_student_no_unique' });
  });

  it('recognise SQLite unique violations, by column and by index', () => {
    expect(classifyDbError({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: liaison_alumni.student_no' })).toEqual({
      kind: 'unique', columns: ['student_no'], indexName: null,
    });
    expect(classifyDbError({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: "UNIQUE constraint failed: index 'stories_slug_locale_uq'" })).toEqual({
      kind: 'unique', columns: [], indexName: 'stories_slug_locale_uq',
    });
  });

  it('read the field and the message id out of a trigger message on either database', () => {
    expect(checkMessage('termEnd', 'date.after', { field: 'termStart' })).toBe('LIAISON_CHECK:termEnd:date.after:field=termStart');
    expect(classifyDbError({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'LIAISON_CHECK:termEnd:date.after:field=termStart' })).toEqual({
      kind: 'check', field: 'termEnd', id: 'date.after', values: { field: 'termStart' },
    });
    expect(classifyDbError({ code: '23514', message: 'update "liaison_posts" set ... - LIAISON_CHECK:periodEnd:date.after:field=periodStart' })).toEqual({
      kind: 'check', field: 'periodEnd', id: 'date.after', values: { field: 'periodStart' },
    });
    expect(classifyDbError({ message: 'LIAISON_CHECK:termEnd:no.such.message' })).toBeNull();
  });

  it('leave other errors alone', () => {
    expect(classifyDbError(new Error('connection refused'))).toBeNull();
    expect(classifyDbError(undefined)).toBeNull();
  });

  it('name the attribute, skipping the locale, or the field an expression index stands for', () => {
    const attr = (c: string) => ({ slug: 'slug', student_no: 'studentNo' } as Record<string, string>)[c] ?? null;
    expect(uniqueFieldError({ kind: 'unique', columns: ['locale', 'slug'], indexName: null }, attr, {}).path).toBe('slug');
    expect(uniqueFieldError({ kind: 'unique', columns: [], indexName: 'events_slug_locale_uq' }, attr, { events_slug_locale_uq: 'slug' }).path).toBe('slug');
  });
});
