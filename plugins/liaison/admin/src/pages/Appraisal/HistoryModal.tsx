import { Box, Flex, Loader, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useAppraisalHistory, useHonours } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';
import { GradeBadge } from './ResultsTable';

/** A liaison's long-term record: their results across cycles and their honours. */
export const HistoryModal = ({ alumnus, onClose }: { alumnus: { documentId: string; name: string }; onClose: () => void }) => {
  const t = useT();
  const label = useEnumLabel();
  const results = useAppraisalHistory(alumnus.documentId);
  const honours = useHonours({ alumnus: alumnus.documentId, pageSize: 100 });
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {t('appraisal.history.title', '{name}: results across cycles', {
              name: alumnus.name,
            })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4} data-testid="history">
            {results.isFetching ? <Loader small /> : null}
            {results.data ? (
              <Table colCount={5} rowCount={results.data.data.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('appraisal.history.cycle', 'Cycle')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('appraisal.column.post', 'Post')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('appraisal.column.total', 'Total')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('appraisal.column.grade', 'Grade')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('appraisal.column.rank', 'Rank')}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {results.data.data.map((r) => (
                    <Tr key={r.appraisal.documentId}>
                      <Td>
                        <Typography>{r.cycle.name}</Typography>
                      </Td>
                      <Td>
                        <Typography>{r.post.label ?? label('dimension', r.post.dimension)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{r.total ?? '–'}</Typography>
                      </Td>
                      <Td>
                        <GradeBadge grade={r.grade} />
                      </Td>
                      <Td>
                        <Typography>{r.rank ?? '–'}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : null}
            <Box>
              <Typography variant="delta" tag="h3">
                {t('appraisal.history.honours', 'Honours')}
              </Typography>
              {honours.data && honours.data.data.length === 0 ? (
                <Typography tag="p" textColor="neutral600">
                  {t('appraisal.history.noHonours', 'No honours yet.')}
                </Typography>
              ) : null}
              {honours.data?.data.map((h) => (
                <Typography key={h.documentId} tag="p">
                  {h.year ?? ''} · {label('kind', h.kind)} · {h.title} · {label('honourStatus', h.honourStatus)}
                </Typography>
              ))}
            </Box>
          </Flex>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
};
