import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useT } from '../../utils/labels';
import { useFeedbackStats } from './api';

/** Time to answer per responsible post (hours), with counts; the office's own line first. */
export const StatsTable = () => {
  const t = useT();
  const intl = useIntl();
  const stats = useFeedbackStats();
  const rows = [...(stats.data ?? [])].sort((a, b) => Number(a.post !== null) - Number(b.post !== null) || b.items - a.items);
  const hours = (v: number | null) => (v === null ? '–' : intl.formatNumber(v, { maximumFractionDigits: 1 }));
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="feedback-stats">
      <Typography variant="delta" tag="h3">{t('feedback.stats.title', 'Time to answer per post')}</Typography>
      <Table colCount={7} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('feedback.stats.post', 'Responsible')}</Typography></Th>
            <Th><Typography variant="sigma">{t('feedback.stats.items', 'Items')}</Typography></Th>
            <Th><Typography variant="sigma">{t('feedback.stats.answered', 'Answered')}</Typography></Th>
            <Th><Typography variant="sigma">{t('feedback.stats.overdue', 'Overdue now')}</Typography></Th>
            <Th><Typography variant="sigma">{t('feedback.stats.late', 'Answered late')}</Typography></Th>
            <Th><Typography variant="sigma">{t('feedback.stats.median', 'Median (hours)')}</Typography></Th>
            <Th><Typography variant="sigma">{t('feedback.stats.mean', 'Mean (hours)')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((r) => (
            <Tr key={r.post?.documentId ?? 'office'}>
              <Td><Typography>{r.post ? (r.post.label ?? r.post.documentId) : t('feedback.office', 'Alumni office')}</Typography></Td>
              <Td><Typography>{r.items}</Typography></Td>
              <Td><Typography>{r.answered}</Typography></Td>
              <Td><Typography textColor={r.overdue ? 'danger600' : undefined}>{r.overdue}</Typography></Td>
              <Td><Typography>{r.late}</Typography></Td>
              <Td><Typography>{hours(r.medianHours)}</Typography></Td>
              <Td><Typography>{hours(r.meanHours)}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {rows.length === 0 && !stats.isLoading ? <Typography textColor="neutral600">{t('feedback.stats.empty', 'No feedback yet.')}</Typography> : null}
    </Box>
  );
};
