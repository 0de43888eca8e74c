import { Badge, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';
import type { CoverageRow } from '../../api/board';
import { useT } from '../../utils/labels';

const COLUMNS = ['name', 'alumni', 'posts', 'active', 'vacancies', 'pending', 'ending', 'perLiaison'] as const;
type Column = (typeof COLUMNS)[number];

const HEADERS: Record<Column, string> = {
  name: 'Scope',
  alumni: 'Alumni',
  posts: 'Posts',
  active: 'Active',
  vacancies: 'Vacancies',
  pending: 'Pending',
  ending: 'Ending soon',
  perLiaison: 'Alumni per liaison',
};

interface Props {
  rows: CoverageRow[];
  sort: string;
  onSort: (sort: string) => void;
  onOpen: (row: CoverageRow) => void;
}

/** The coverage of each scope; a scope with vacancies is highlighted; a click opens it. */
export const CoverageTable = ({ rows, sort, onSort, onOpen }: Props) => {
  const t = useT();
  const [sortColumn, sortOrder] = sort.split(':');
  return (
    <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((column) => {
            const active = sortColumn === column;
            const next = active && sortOrder === 'desc' ? 'asc' : 'desc';
            return (
              <Th key={column}>
                <button
                  type="button"
                  onClick={() => onSort(`${column}:${next}`)}
                  style={{ background: 'none', border: 0, cursor: 'pointer', display: 'flex', alignItems: 'center', gap: 4, padding: 0 }}
                >
                  <Typography variant="sigma" textColor="neutral600">{t(`board.column.${column}`, HEADERS[column])}</Typography>
                  {active ? sortOrder === 'desc' ? <CaretDown width="1rem" /> : <CaretUp width="1rem" /> : null}
                </button>
              </Th>
            );
          })}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => {
          const gap = row.vacancies > 0;
          return (
            <Tr
              key={row.scope.documentId}
              onClick={() => onOpen(row)}
              style={{ cursor: 'pointer', background: gap && row.active === 0 ? 'rgba(238, 94, 82, 0.08)' : undefined }}
              data-testid="coverage-row"
            >
              <Td>
                <Typography fontWeight="semiBold">{row.scope.name}</Typography>
                {row.provisional ? (
                  <Badge backgroundColor="warning100" textColor="warning700" marginLeft={2} data-testid="provisional-count">
                    {t('board.provisionalCount', '{n} provisional', { n: row.provisional })}
                  </Badge>
                ) : null}
              </Td>
              <Td><Typography>{row.alumni}</Typography></Td>
              <Td><Typography>{row.posts}</Typography></Td>
              <Td><Typography>{row.active}</Typography></Td>
              <Td>
                {gap ? (
                  <Badge backgroundColor="danger100" textColor="danger700">{row.vacancies}</Badge>
                ) : (
                  <Typography textColor="success600">0</Typography>
                )}
              </Td>
              <Td><Typography>{row.pending}</Typography></Td>
              <Td><Typography textColor={row.ending ? 'warning600' : undefined}>{row.ending}</Typography></Td>
              <Td>
                <Typography>{row.perLiaison === null ? '—' : Math.round(row.perLiaison)}</Typography>
                <VisuallyHidden>{row.scope.documentId}</VisuallyHidden>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
};
