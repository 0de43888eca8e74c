import { Badge, Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { ImportField, ImportPreview } from '../../../../server/src/admin-api-types';
import type { ImportMapping } from '../../api/mutations';
import { useT } from '../../utils/labels';
import { FIELDS, useFieldName } from './parts';

/** Rows of the file shown beside each column. */
const SAMPLE_ROWS = 4;
const IGNORE = '-';

/** What the mapping lacks or repeats, worded for staff: the dry run is offered once there is none. */
export const useMappingProblems = () => {
  const t = useT();
  const fieldName = useFieldName();
  return (preview: ImportPreview, mapping: ImportMapping): string[] => {
    const problems: string[] = [];
    const byField = new Map<ImportField, string[]>();
    for (const c of preview.columns) {
      const field = mapping[c.header];
      if (c.header && field) byField.set(field, [...(byField.get(field) ?? []), c.header]);
    }
    for (const field of preview.required) {
      if (!byField.has(field)) {
        problems.push(t('imports.mapping.missing', 'No column is imported as {field}: choose the column that holds it.', { field: fieldName(field) }));
      }
    }
    for (const [field, headers] of byField) {
      if (headers.length > 1) {
        problems.push(
          t('imports.mapping.twice', 'The columns {columns} are all imported as {field}: keep only one.', {
            columns: headers.map((h) => `“${h}”`).join(t('imports.list.separator', ', ')),
            field: fieldName(field),
          }),
        );
      }
    }
    return problems;
  };
};

/**
 * The mapping step: one line per column of the file, with what its header is recognised as
 * (adjustable) and its first values, so that staff see what each column holds.
 */
export const MappingTable = ({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (header: string, field: ImportField | null) => void;
}) => {
  const t = useT();
  const fieldName = useFieldName();
  const samples = preview.rows.slice(0, SAMPLE_ROWS);
  const columns = preview.columns.filter((c) => c.header);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table colCount={3 + samples.length} rowCount={columns.length + 1} data-testid="mapping-table">
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.mapping.column', 'Column in the file')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.mapping.field', 'Imported as')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.mapping.how', 'Recognised')}</Typography>
            </Th>
            {samples.map((r) => (
              <Th key={r.row}>
                <Typography variant="sigma">{t('imports.mapping.row', 'Row {row}', { row: r.row })}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {columns.map((c) => {
            const field = mapping[c.header] ?? null;
            const state = field === null ? 'ignored' : field === c.recognised ? 'recognised' : 'changed';
            return (
              <Tr key={c.index} data-testid="mapping-row">
                <Td>
                  <Typography fontWeight="semiBold" data-testid="mapping-header">
                    {c.header}
                  </Typography>
                </Td>
                <Td>
                  <Box style={{ width: 200 }}>
                    <SingleSelect
                      size="S"
                      aria-label={t('imports.mapping.selectFor', 'Import “{header}” as', { header: c.header })}
                      value={field ?? IGNORE}
                      onChange={(v: string | number) => onChange(c.header, v === IGNORE ? null : (String(v) as ImportField))}
                    >
                      <SingleSelectOption value={IGNORE}>{t('imports.mapping.ignore', 'Not imported')}</SingleSelectOption>
                      {FIELDS.filter((f) => preview.fields.includes(f)).map((f) => (
                        <SingleSelectOption key={f} value={f}>
                          {fieldName(f)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Box>
                </Td>
                <Td>
                  {state === 'recognised' ? (
                    <Badge backgroundColor="success100" textColor="success700" data-testid="mapping-state">
                      {t('imports.mapping.recognised', 'Recognised')}
                    </Badge>
                  ) : state === 'changed' ? (
                    <Badge backgroundColor="primary100" textColor="primary700" data-testid="mapping-state">
                      {c.recognised
                        ? t('imports.mapping.changedFrom', 'Changed (read as {field})', { field: fieldName(c.recognised) })
                        : t('imports.mapping.chosen', 'Chosen')}
                    </Badge>
                  ) : (
                    <Badge backgroundColor="neutral150" textColor="neutral600" data-testid="mapping-state">
                      {c.recognised ? t('imports.mapping.changedFrom', 'Changed (read as {field})', { field: fieldName(c.recognised) }) : t('imports.mapping.unknown', 'Not recognised')}
                    </Badge>
                  )}
                </Td>
                {samples.map((r) => (
                  <Td key={r.row}>
                    <Typography textColor={field ? 'neutral800' : 'neutral500'} ellipsis style={{ maxWidth: 150, display: 'block' }} title={r.cells[c.index]}>
                      {r.cells[c.index]}
                    </Typography>
                  </Td>
                ))}
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {preview.rows.length > SAMPLE_ROWS ? (
        <Flex paddingTop={2}>
          <Typography variant="pi" textColor="neutral600">
            {t('imports.mapping.sample', 'The first {shown} rows of the file are shown; the header is row {header}.', {
              shown: samples.length,
              header: preview.headerRow,
            })}
          </Typography>
        </Flex>
      ) : null}
    </Box>
  );
};
