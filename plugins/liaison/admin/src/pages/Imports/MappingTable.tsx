import {
  Badge,
  Box,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextButton,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ChevronDown, ChevronUp } from '@strapi/icons';
import { useState } from 'react';
import type { ImportField, ImportPreview } from '../../../../server/src/admin-api-types';
import type { ImportMapping } from '../../api/mutations';
import { useT } from '../../utils/labels';
import { useFieldName } from './parts';

/** Rows of the file shown beside each column. */
const SAMPLE_ROWS = 3;
const IGNORE = '-';
const STATE_COLOURS = {
  recognised: { backgroundColor: 'success100', textColor: 'success700' },
  changed: { backgroundColor: 'primary100', textColor: 'primary700' },
  ignored: { backgroundColor: 'neutral150', textColor: 'neutral600' },
} as const;

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
        problems.push(
          t('imports.mapping.missing', 'No column is imported as {field}: choose the column that holds it.', { field: fieldName(field) }),
        );
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

/** The first rows as the file has them, each column headed by what it is imported as. */
const FirstRows = ({ preview, mapping }: { preview: ImportPreview; mapping: ImportMapping }) => {
  const t = useT();
  const fieldName = useFieldName();
  return (
    <Box paddingTop={3} style={{ overflowX: 'auto' }} data-testid="first-rows">
      <Table colCount={preview.columns.length + 1} rowCount={preview.rows.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.rejected.row', 'Row')}</Typography>
            </Th>
            {preview.columns.map((c) => (
              <Th key={c.index}>
                <Flex direction="column" alignItems="flex-start">
                  <Typography variant="sigma">{c.header}</Typography>
                  <Typography variant="pi" textColor={mapping[c.header] ? 'primary600' : 'neutral500'}>
                    {fieldName(mapping[c.header] ?? null)}
                  </Typography>
                </Flex>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {preview.rows.map((r) => (
            <Tr key={r.row}>
              <Td>
                <Typography textColor="neutral600">{r.row}</Typography>
              </Td>
              {preview.columns.map((c) => (
                <Td key={c.index}>
                  <Typography textColor={mapping[c.header] ? 'neutral800' : 'neutral500'} style={{ whiteSpace: 'nowrap' }}>
                    {r.cells[c.index]}
                  </Typography>
                </Td>
              ))}
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
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
  const [showRows, setShowRows] = useState(false);
  const samples = preview.rows.slice(0, SAMPLE_ROWS);
  const columns = preview.columns.filter((c) => c.header);
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table colCount={2 + samples.length} rowCount={columns.length + 1} data-testid="mapping-table">
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.mapping.column', 'Column in the file')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.mapping.field', 'Imported as')}</Typography>
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
                  <Flex gap={3} alignItems="center">
                    <Box style={{ width: 190, flexShrink: 0 }}>
                      <SingleSelect
                        size="S"
                        aria-label={t('imports.mapping.selectFor', 'Import “{header}” as', { header: c.header })}
                        value={field ?? IGNORE}
                        onChange={(v: string | number) => onChange(c.header, v === IGNORE ? null : (String(v) as ImportField))}
                      >
                        <SingleSelectOption value={IGNORE}>{t('imports.mapping.ignore', 'Not imported')}</SingleSelectOption>
                        {preview.fields.map((f) => (
                          <SingleSelectOption key={f} value={f}>
                            {fieldName(f)}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Box>
                    <Badge {...STATE_COLOURS[state]} data-testid="mapping-state" data-state={state}>
                      {state === 'recognised'
                        ? t('imports.mapping.recognised', 'Recognised')
                        : c.recognised
                          ? t('imports.mapping.changedFrom', 'Changed (read as {field})', { field: fieldName(c.recognised) })
                          : state === 'changed'
                            ? t('imports.mapping.chosen', 'Chosen')
                            : t('imports.mapping.unknown', 'Not recognised')}
                    </Badge>
                  </Flex>
                </Td>
                {samples.map((r) => (
                  <Td key={r.row}>
                    <Typography
                      textColor={field ? 'neutral800' : 'neutral500'}
                      ellipsis
                      style={{ maxWidth: 180, display: 'block' }}
                      title={r.cells[c.index]}
                    >
                      {r.cells[c.index]}
                    </Typography>
                  </Td>
                ))}
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      <Flex paddingTop={3} gap={4} alignItems="center" wrap="wrap">
        <Typography variant="pi" textColor="neutral600">
          {t('imports.mapping.sample', 'Beside each column, its first {shown} values; the header is row {header} of the file.', {
            shown: samples.length,
            header: preview.headerRow,
          })}
        </Typography>
        <TextButton endIcon={showRows ? <ChevronUp /> : <ChevronDown />} onClick={() => setShowRows((v) => !v)} data-testid="toggle-rows">
          {showRows
            ? t('imports.mapping.hideRows', 'Hide the rows')
            : t('imports.mapping.showRows', 'Show the first {n} rows as in the file', { n: preview.rows.length })}
        </TextButton>
      </Flex>
      {showRows ? <FirstRows preview={preview} mapping={mapping} /> : null}
    </Box>
  );
};
