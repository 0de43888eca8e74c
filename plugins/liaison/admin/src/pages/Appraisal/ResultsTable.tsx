import { Badge, Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useAPIErrorHandler, useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { Criterion, Grade, ResultRow } from '../../api/appraisal';
import { useEnumLabel, useT } from '../../utils/labels';

export const GRADE_BADGES: Record<Grade, [string, string]> = {
  excellent: ['success100', 'success700'],
  good: ['primary100', 'primary700'],
  pass: ['warning100', 'warning700'],
  fail: ['danger100', 'danger700'],
};

export const GradeBadge = ({ grade }: { grade: Grade | null }) => {
  const label = useEnumLabel();
  if (!grade) return <Typography textColor="neutral500">–</Typography>;
  const [bg, fg] = GRADE_BADGES[grade];
  return (
    <Badge backgroundColor={bg} textColor={fg} data-testid="grade">
      {label('grade', grade)}
    </Badge>
  );
};

interface ScoreCellProps {
  row: ResultRow;
  criterion: Criterion;
  editable: boolean;
  onSaved: (answer: { total: number; grade: Grade; rank: number }) => void;
}

/** The signed-in reviewer's score (saved on Enter or when leaving the field), and the reviewers' mean. */
const ScoreCell = ({ row, criterion, editable, onSaved }: ScoreCellProps) => {
  const t = useT();
  const { put } = useFetchClient();
  const { formatAPIError } = useAPIErrorHandler();
  const mine = row.myScores[criterion.key];
  const [value, setValue] = useState(mine === undefined ? '' : String(mine));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const mean = row.scores[criterion.key];

  const save = async () => {
    if (value === '' || value === (mine === undefined ? '' : String(mine))) return;
    const score = Number(value);
    if (!Number.isInteger(score) || score < 0 || score > 100) {
      setError(t('appraisal.score.range', 'A whole number from 0 to 100'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const res = await put(`/liaison/appraisals/${row.appraisal.documentId}/scores`, { criterion: criterion.key, score });
      onSaved(res.data.data);
    } catch (e) {
      setError(formatAPIError(e as any));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box>
      {editable ? (
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={value}
          disabled={saving}
          aria-label={t('appraisal.score.aria', 'Your score for {criterion}: {name}', { criterion: criterion.key, name: row.alumnus.name })}
          data-testid={`score-${criterion.key}`}
          onChange={(e) => setValue(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
          style={{
            width: 64,
            padding: '4px 6px',
            borderRadius: 4,
            border: `1px solid ${error ? '#ee5e52' : '#dcdce4'}`,
            background: 'inherit',
            color: 'inherit',
          }}
        />
      ) : null}
      <Typography variant="pi" textColor="neutral600" tag="div">
        {mean === null || mean === undefined ? t('appraisal.score.none', 'not scored') : t('appraisal.score.mean', 'mean {mean}', { mean })}
      </Typography>
      {error ? (
        <Typography variant="pi" textColor="danger600" tag="div" role="alert">
          {error}
        </Typography>
      ) : null}
    </Box>
  );
};

interface Props {
  rows: ResultRow[];
  criteria: Criterion[];
  measureLabels: Record<string, string>;
  editable: boolean;
  onScored: () => void;
  onOpenPerson: (row: ResultRow) => void;
  /** Narrows the table to the scope of a row (its class, college, chapter or industry group). */
  onPickScope: (row: ResultRow) => void;
}

/** The cycle's liaisons: measured figures, scores (entered inline), total, grade and ranks. */
export const ResultsTable = ({ rows, criteria, measureLabels, editable, onScored, onOpenPerson, onPickScope }: Props) => {
  const t = useT();
  const label = useEnumLabel();
  const [fresh, setFresh] = useState<Record<string, { total: number; grade: Grade; rank: number }>>({});
  const columns = 6 + criteria.length;
  return (
    <Table colCount={columns} rowCount={rows.length + 1} data-testid="results-table">
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('appraisal.column.name', 'Liaison')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('appraisal.column.post', 'Post')}</Typography>
          </Th>
          {criteria.map((c) => (
            <Th key={c.key}>
              <Typography variant="sigma">
                {c.kind === 'measured' ? (measureLabels[c.measure ?? ''] ?? c.key) : t(`appraisal.criterion.${c.key}`, c.key)} · {c.weight}%
              </Typography>
            </Th>
          ))}
          <Th>
            <Typography variant="sigma">{t('appraisal.column.total', 'Total')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('appraisal.column.grade', 'Grade')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('appraisal.column.rank', 'Rank')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('appraisal.column.scopeRank', 'In scope')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => {
          const now = {
            total: row.total,
            grade: row.grade,
            rank: row.rank,
            ...fresh[row.appraisal.documentId],
          };
          return (
            <Tr key={row.appraisal.documentId} data-testid="result-row" data-name={row.alumnus.name}>
              <Td>
                <button
                  type="button"
                  onClick={() => onOpenPerson(row)}
                  style={{
                    background: 'none',
                    border: 0,
                    padding: 0,
                    cursor: 'pointer',
                    color: 'inherit',
                  }}
                >
                  <Typography fontWeight="semiBold" textColor="primary600">
                    {row.alumnus.name}
                  </Typography>
                </button>
              </Td>
              <Td>
                <button
                  type="button"
                  title={t('appraisal.scope.pick', 'Show only this scope')}
                  onClick={() => onPickScope(row)}
                  style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer', color: 'inherit', textAlign: 'left' }}
                >
                  <Typography tag="div" textColor="primary600">
                    {row.post.scope.name ?? '–'}
                  </Typography>
                </button>
                <Typography variant="pi" textColor="neutral600">
                  {label('dimension', row.post.dimension)}
                </Typography>
              </Td>
              {criteria.map((c) => (
                <Td key={c.key}>
                  {c.kind === 'measured' ? (
                    <Typography>{row.measures[c.key] ?? 0}</Typography>
                  ) : (
                    <ScoreCell
                      row={row}
                      criterion={c}
                      editable={editable}
                      onSaved={(answer) => {
                        setFresh((f) => ({
                          ...f,
                          [row.appraisal.documentId]: answer,
                        }));
                        onScored();
                      }}
                    />
                  )}
                </Td>
              ))}
              <Td>
                <Typography fontWeight="bold" data-testid="total">
                  {now.total ?? '–'}
                </Typography>
              </Td>
              <Td>
                <GradeBadge grade={now.grade ?? null} />
              </Td>
              <Td>
                <Typography data-testid="rank">{now.rank ?? '–'}</Typography>
              </Td>
              <Td>
                <Typography>{row.scopeRank ?? '–'}</Typography>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
