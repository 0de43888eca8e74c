import { Badge, Box, Button, Flex, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { lazy, Suspense, useState } from 'react';
import type { ConductStatus, TrainingPostRef } from '../../../../server/src/admin-api-types';
import { useTrainingOverview } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';

const TrainingChart = lazy(() => import('./TrainingChart'));

/** How many names the conduct box lists before "show all". */
const INLINE_NAMES = 20;

/** The post without its holder's name: "重庆校友会 · Head"; the stored label (holder · scope · role) when the parts are missing. */
const usePostText = () => {
  const label = useEnumLabel();
  return (post: TrainingPostRef, holder: string) => {
    if (post.scope || post.role) return [post.scope, label('role', post.role)].filter(Boolean).join(' · ');
    const text = post.label ?? label('dimension', post.dimension);
    return text.startsWith(`${holder} · `) ? text.slice(holder.length + 3) : text;
  };
};

/** Everyone who has not yet acknowledged the current code of conduct, with their posts. */
const PendingModal = ({ people, onClose }: { people: ConductStatus['pending']; onClose: () => void }) => {
  const t = useT();
  const label = useEnumLabel();
  const postText = usePostText();
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('training.conduct.pendingTitle', 'Not yet acknowledged ({n})', { n: people.length })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Table colCount={3} rowCount={people.length + 1} data-testid="conduct-pending-all">
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('training.column.name', 'Liaison')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('training.column.post', 'Post')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('training.column.dimension', 'Dimension')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {people.map((p) => (
                <Tr key={`${p.alumnus.documentId}-${p.post.documentId}`}>
                  <Td>
                    <Typography fontWeight="semiBold">{p.alumnus.name}</Typography>
                  </Td>
                  <Td>
                    <Typography>{postText(p.post, p.alumnus.name)}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">{label('dimension', p.post.dimension)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('training.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Training overview: completion per course and dimension, and the provisional liaisons with their deadlines. */
export const TrainingPage = () => {
  const t = useT();
  const label = useEnumLabel();
  const postText = usePostText();
  const [showPending, setShowPending] = useState(false);
  const overview = useTrainingOverview();
  const title = t('training.title', 'Training');
  const data = overview.data?.data;
  return (
    <Page.Main aria-busy={overview.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={
          data
            ? t(
                'training.subtitle',
                'A newly approved liaison is provisional until the required courses are passed, within {months} months',
                { months: data.months },
              )
            : undefined
        }
      />
      <Layouts.Content>
        {overview.error ? (
          <Typography textColor="danger600">{t('training.error', 'The training overview could not be loaded.')}</Typography>
        ) : null}
        {data ? (
          <Flex direction="column" alignItems="stretch" gap={5}>
            <Suspense fallback={null}>
              <TrainingChart rows={data.dimensions} />
            </Suspense>
            {data.officeAnswerTime ? (
              <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="office-answer-time">
                <Typography variant="delta" tag="h3">{t('training.officeAnswer.title', 'How fast the office answers liaisons')}</Typography>
                <Typography tag="p">
                  {data.officeAnswerTime.medianHours === null
                    ? t('training.officeAnswer.none', 'No question from a liaison answered in {year} yet.', { year: data.officeAnswerTime.year })
                    : t('training.officeAnswer.median', 'Median time to answer in {year}: {hours} hours ({answered} of {items} questions answered)', {
                        year: data.officeAnswerTime.year,
                        hours: data.officeAnswerTime.medianHours,
                        answered: data.officeAnswerTime.answered,
                        items: data.officeAnswerTime.items,
                      })}
                </Typography>
              </Box>
            ) : null}
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
              <Typography variant="delta" tag="h3">
                {t('training.courses', 'Courses')}
              </Typography>
              <Table colCount={5} rowCount={data.courses.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('training.course', 'Course')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('training.area', 'Area')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('training.passMark', 'Pass mark')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('training.enrolled', 'Enrolled')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('training.completed', 'Passed')}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {data.courses.map((c) => (
                    <Tr key={c.documentId}>
                      <Td>
                        <Typography>{c.title}</Typography>{' '}
                        {c.mandatory ? (
                          <Badge backgroundColor="primary100" textColor="primary700">
                            {t('training.mandatory', 'Required')}
                          </Badge>
                        ) : null}
                      </Td>
                      <Td>
                        <Typography>{label('area', c.area)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.passMark ?? 60}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.enrolled}</Typography>
                      </Td>
                      <Td>
                        <Typography>{c.completed}</Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Box>
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="conduct">
              <Typography variant="delta" tag="h3">{t('training.conduct.title', 'Code of conduct')}</Typography>
              {data.conduct.version ? (
                <>
                  <Typography tag="p">
                    {t('training.conduct.status', 'Version {version} ({title}, from {date}): acknowledged by {acknowledged} of {liaisons} liaisons', {
                      version: data.conduct.version.version,
                      title: data.conduct.version.title,
                      date: String(data.conduct.version.effectiveFrom).slice(0, 10),
                      acknowledged: data.conduct.acknowledged,
                      liaisons: data.conduct.liaisons,
                    })}
                  </Typography>
                  {data.conduct.pending.length ? (
                    <Flex gap={2} alignItems="baseline" wrap="wrap" data-testid="conduct-pending">
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        {t('training.conduct.pending', 'Not yet acknowledged: {names}', {
                          names:
                            data.conduct.pending
                              .slice(0, INLINE_NAMES)
                              .map((p) => p.alumnus.name)
                              .join('、') +
                            (data.conduct.pending.length > INLINE_NAMES
                              ? t('training.conduct.more', ' and {n} more', { n: data.conduct.pending.length - INLINE_NAMES })
                              : ''),
                        })}
                      </Typography>
                      <Button size="S" variant="tertiary" onClick={() => setShowPending(true)} data-testid="conduct-pending-open">
                        {t('training.conduct.showAll', 'Show all {n} with their posts', { n: data.conduct.pending.length })}
                      </Button>
                    </Flex>
                  ) : null}
                </>
              ) : (
                <Typography tag="p" textColor="neutral600">{t('training.conduct.none', 'No code of conduct has been issued yet.')}</Typography>
              )}
            </Box>
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="provisional-list">
              <Typography variant="delta" tag="h3">
                {t('training.provisional', 'Provisional liaisons ({n})', {
                  n: data.provisional.length,
                })}
              </Typography>
              {data.provisional.length ? (
                <Table colCount={4} rowCount={data.provisional.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">{t('training.column.name', 'Liaison')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('training.column.post', 'Post')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('training.column.dimension', 'Dimension')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('training.column.deadline', 'Training deadline')}</Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {data.provisional.map((p) => (
                      <Tr key={p.post.documentId} data-testid="provisional-row">
                        <Td>
                          <Typography fontWeight="semiBold" data-testid="provisional-name">
                            {p.alumnus.name}
                          </Typography>
                        </Td>
                        <Td>
                          <Typography data-testid="provisional-post">{postText(p.post, p.alumnus.name)}</Typography>
                        </Td>
                        <Td>
                          <Typography textColor="neutral600">{label('dimension', p.post.dimension)}</Typography>
                        </Td>
                        <Td>
                          <Badge backgroundColor={p.overdue ? 'danger100' : 'warning100'} textColor={p.overdue ? 'danger700' : 'warning700'}>
                            {p.overdue
                              ? t('training.overdue', 'Past its deadline {date}', {
                                  date: p.deadline,
                                })
                              : t('training.due', 'Due {date}', { date: p.deadline })}
                          </Badge>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              ) : null}
            </Box>
          </Flex>
        ) : null}
      </Layouts.Content>
      {showPending && data ? <PendingModal people={data.conduct.pending} onClose={() => setShowPending(false)} /> : null}
    </Page.Main>
  );
};
