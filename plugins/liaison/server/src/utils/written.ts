/** The row ids a Document Service write returned: create/update/clone give one row, publish its published entries. */
export const writtenIds = (result: any): number[] => {
  if (!result) return [];
  const entries: any[] = Array.isArray(result.entries) ? result.entries : [result];
  return entries.map((e) => e?.id).filter((id): id is number => typeof id === 'number');
};
