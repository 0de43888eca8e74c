import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Fragment, useState, type CSSProperties } from 'react';
import type { Criterion, Grade, ResultRow, ScoreResult } from '../../api/appraisal';
import { useErrorMessage } from '../../api/errors';
import { useScore } from '../../api/mutations';
import { useEnumLabel, useT } from '../../utils/labels';
import { WRAPS } from '../../utils/wraps';

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
  onSaved: (answer: ScoreResult) => void;
}

/**
 * The signed-in reviewer's score (saved on Enter or when leaving the field), and the
 * reviewers' mean. A score saved refreshes the cycle's results (api/mutations.ts).
 */
const ScoreCell = ({ row, criterion, editable, onSaved }: ScoreCellProps) => {
  const t = useT();
  const scoring = useScore();
  const messageOf = useErrorMessage();
  const mine = row.myScores[criterion.key];
  const [value, setValue] = useState(mine === undefined ? '' : String(mine));
  const [error, setError] = useState<string | null>(null);
  const mean = row.scores[criterion.key];

  const save = async () => {
    if (value === '' || value === (mine === undefined ? '' : String(mine))) return;
    const score = Number(value);
    if (!Number.isInteger(score) || score < 0 || score > 100) {
      setError(t('appraisal.score.range', 'A whole number from 0 to 100'));
      return;
    }
    setError(null);
    try {
      onSaved(await scoring.mutateAsync({ appraisal: row.appraisal.documentId, criterion: criterion.key, score }));
    } catch (e) {
      setError(messageOf(e));
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
          disabled={scoring.isPending}
          aria-label={t('appraisal.score.aria', 'Your score for {criterion}: {name}', {
            criterion: t(`appraisal.criterion.${criterion.key}`, criterion.key),
            name: row.alumnus.name,
          })}
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
  onOpenPerson: (row: ResultRow) => void;
  /** Narrows the table to the scope of a row (its class, college, chapter or industry group). */
  onPickScope: (row: ResultRow) => void;
}

/** Cells a little tighter than the design system's (16 px each side), so nine columns fit beside the menus. */
const CELL: CSSProperties = { paddingLeft: 12, paddingRight: 12 };

const linkButton: CSSProperties = {
  background: 'none',
  border: 0,
  padding: 0,
  cursor: 'pointer',
  color: 'inherit',
  textAlign: 'left',
  display: 'block',
};

/**
 * The cycle's liaisons: the post (scope, then its dimension), the measured figures in one
 * column, a column per scored criterion (entered inline), total with grade, and ranks. Narrow
 * enough to fit a 1440 px screen beside the menus: the figures stack, long names wrap.
 */
export const ResultsTable = ({ rows, criteria, measureLabels, editable, onOpenPerson, onPickScope }: Props) => {
  const t = useT();
  const label = useEnumLabel();
  /**
   * The answer of a score saved here, shown at once: until the results, read again, bring
   * a new row for the appraisal (then the row's figures are the newer).
   */
  const [fresh, setFresh] = useState<Partial<Record<string, { row: ResultRow; answer: ScoreResult }>>>({});
  const measured = criteria.filter((c) => c.kind === 'measured');
  const scored = criteria.filter((c) => c.kind !== 'measured');
  const measuredWeight = measured.reduce((sum, c) => sum + c.weight, 0);
  const measureName = (c: Criterion) => measureLabels[c.measure ?? ''] ?? c.key;
  const columns = 5 + (measured.length ? 1 : 0) + scored.length;
  return (
    <Table colCount={columns} rowCount={rows.length + 1} data-testid="results-table">
      <Thead>
        <Tr>
          <Th style={CELL}>
            <Typography variant="sigma">{t('appraisal.column.name', 'Liaison')}</Typography>
          </Th>
          <Th style={CELL}>
            <Typography variant="sigma">{t('appraisal.column.post', 'Post')}</Typography>
          </Th>
          {measured.length ? (
            <Th style={CELL}>
              <Typography variant="sigma">
                {t('appraisal.column.measured', 'Measured figures · {weight}%', { weight: measuredWeight })}
              </Typography>
            </Th>
          ) : null}
          {scored.map((c) => (
            <Th key={c.key} style={CELL}>
              <Box style={{ whiteSpace: 'normal', maxWidth: 120 }}>
                <Typography variant="sigma">
                  {t(`appraisal.criterion.${c.key}`, c.key)} · {c.weight}%
                </Typography>
              </Box>
            </Th>
          ))}
          <Th style={CELL}>
            <Typography variant="sigma">{t('appraisal.column.result', 'Total and grade')}</Typography>
          </Th>
          <Th style={CELL}>
            <Typography variant="sigma">{t('appraisal.column.rank', 'Rank')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => {
          const saved = fresh[row.appraisal.documentId];
          const now = saved && saved.row === row ? saved.answer : row;
          return (
            <Tr key={row.appraisal.documentId} data-testid="result-row" data-name={row.alumnus.name}>
              <Td style={{ ...CELL, ...WRAPS, minWidth: 110, maxWidth: 160 }}>
                <button type="button" onClick={() => onOpenPerson(row)} style={linkButton}>
                  <Typography fontWeight="semiBold" textColor="primary600">
                    {row.alumnus.name}
                  </Typography>
                </button>
              </Td>
              <Td style={CELL}>
                <Box style={{ minWidth: 130, maxWidth: 200, ...WRAPS }} data-testid="post">
                  <button
                    type="button"
                    title={t('appraisal.scope.pick', 'Show only this scope')}
                    onClick={() => onPickScope(row)}
                    style={linkButton}
                  >
                    <Typography textColor="primary600" data-testid="post-scope">
                      {row.post.scope.name ?? '–'}
                    </Typography>
                  </button>
                  <Typography tag="div" variant="pi" textColor="neutral600" data-testid="post-dimension">
                    {label('dimension', row.post.dimension)}
                  </Typography>
                </Box>
              </Td>
              {measured.length ? (
                <Td style={CELL}>
                  <Box
                    tag="dl"
                    style={{
                      margin: 0,
                      minWidth: 150,
                      whiteSpace: 'normal',
                      display: 'grid',
                      gridTemplateColumns: '1fr auto',
                      columnGap: 12,
                      rowGap: 2,
                      alignItems: 'baseline',
                    }}
                    data-testid="measures"
                  >
                    {measured.map((c) => (
                      <Fragment key={c.key}>
                        <Typography
                          tag="dt"
                          variant="pi"
                          textColor="neutral600"
                          title={t('appraisal.measure.weight', '{name}: {weight}% of the total', { name: measureName(c), weight: c.weight })}
                        >
                          {measureName(c)}
                        </Typography>
                        <Typography tag="dd" variant="pi" fontWeight="bold" textAlign="right" style={{ margin: 0 }} data-testid={`measure-${c.key}`}>
                          {row.measures[c.key] ?? 0}
                        </Typography>
                      </Fragment>
                    ))}
                  </Box>
                </Td>
              ) : null}
              {scored.map((c) => (
                <Td key={c.key} style={CELL}>
                  <ScoreCell
                    row={row}
                    criterion={c}
                    editable={editable}
                    onSaved={(answer) =>
                      setFresh((f) => ({
                        ...f,
                        [row.appraisal.documentId]: { row, answer },
                      }))
                    }
                  />
                </Td>
              ))}
              <Td style={CELL}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography fontWeight="bold" data-testid="total">
                    {now.total ?? '–'}
                  </Typography>
                  <GradeBadge grade={now.grade} />
                </Flex>
              </Td>
              <Td style={CELL}>
                <Typography tag="div" data-testid="rank">
                  {now.rank ?? '–'}
                </Typography>
                {row.scopeRank !== null && row.scopeRank !== undefined ? (
                  <Typography tag="div" variant="pi" textColor="neutral600" data-testid="scope-rank">
                    {t('appraisal.column.scopeRank.value', 'in scope: {n}', { n: row.scopeRank })}
                  </Typography>
                ) : null}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
