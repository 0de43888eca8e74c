import { Box, Flex, Typography } from '@strapi/design-system';
import type { ReachCell } from '../../api/board';
import { useT } from '../../utils/labels';

/** Share of alumni with an active liaison in some dimension, by college (rows) and graduation decade (columns). */
export const ReachHeatmap = ({ cells }: { cells: ReachCell[] }) => {
  const t = useT();
  if (!cells.length) return null;
  const decades = [...new Set(cells.map((c) => c.decade))].sort((a, b) => a - b);
  const colleges = [...new Map(cells.map((c) => [c.college.documentId, c.college.name])).entries()];
  const byKey = new Map(cells.map((c) => [`${c.college.documentId}:${c.decade}`, c]));
  const colour = (share: number) => `hsl(${Math.round(share * 120)}, 65%, ${88 - Math.round(share * 30)}%)`;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="reach-heatmap">
      <Typography variant="delta" tag="h3">{t('board.reach.title', 'Reach by college and graduation decade')}</Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('board.reach.hint', 'Share of alumni who have an active liaison in at least one dimension')}
      </Typography>
      <Box paddingTop={3} style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', fontSize: 12 }}>
          <thead>
            <tr>
              <th />
              {decades.map((d) => (
                <th key={d} style={{ padding: '4px 8px' }}>
                  <Typography variant="sigma">{t('board.reach.decade', '{decade}s', { decade: d })}</Typography>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {colleges.map(([id, name]) => (
              <tr key={id}>
                <th style={{ textAlign: 'left', padding: '4px 8px', whiteSpace: 'nowrap' }}>
                  <Typography variant="pi">{name}</Typography>
                </th>
                {decades.map((d) => {
                  const cell = byKey.get(`${id}:${d}`);
                  const share = cell && cell.alumni ? cell.reached / cell.alumni : 0;
                  return (
                    <td
                      key={d}
                      title={cell ? `${cell.reached} / ${cell.alumni}` : ''}
                      style={{ padding: '4px 8px', textAlign: 'center', background: cell ? colour(share) : 'transparent', color: '#222' }}
                    >
                      {cell ? `${Math.round(share * 100)}%` : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
      <Flex gap={2} paddingTop={2}>
        <Typography variant="pi" textColor="neutral600">0%</Typography>
        <Box style={{ width: 120, height: 10, background: `linear-gradient(to right, ${colour(0)}, ${colour(0.5)}, ${colour(1)})` }} />
        <Typography variant="pi" textColor="neutral600">100%</Typography>
      </Flex>
    </Box>
  );
};
