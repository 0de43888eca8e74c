import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { lazy, Suspense } from 'react';
import { useApi } from '../../api/client';
import { useEnumLabel, useT } from '../../utils/labels';
import type { DimensionTraining } from './TrainingChart';

const TrainingChart = lazy(() => import('./TrainingChart'));

interface Overview {
  months: number;
  conduct: {
    version: { documentId: string; version: number; title: string; effectiveFrom: string } | null;
    liaisons: number;
    acknowledged: number;
    pending: { alumnus: { documentId: string; name: string }; post: { documentId: string; label: string | null } }[];
  };
  courses: {
    documentId: string;
    title: string;
    area: string;
    mandatory: boolean;
    passMark: number | null;
    enrolled: number;
    completed: number;
  }[];
  dimensions: DimensionTraining[];
  provisional: {
    post: { documentId: string; dimension: string; label: string | null };
    alumnus: { documentId: string; name: string };
    deadline: string | null;
    overdue: boolean;
  }[];
}

/** Training overview: completion per course and dimension, and the provisional liaisons with their deadlines. */
export const TrainingPage = () => {
  const t = useT();
  const label = useEnumLabel();
  const overview = useApi<{ data: Overview }>('/liaison/training/overview');
  const title = t('training.title', 'Training');
  const data = overview.data?.data;
  return (
    <Page.Main aria-busy={overview.loading}>
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
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {t('training.conduct.pending', 'Not yet acknowledged: {names}', {
                        names: data.conduct.pending.slice(0, 30).map((p) => p.alumnus.name).join('、') + (data.conduct.pending.length > 30 ? ' …' : ''),
                      })}
                    </Typography>
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
              {data.provisional.map((p) => (
                <Flex key={p.post.documentId} gap={2} paddingTop={1}>
                  <Typography fontWeight="semiBold">{p.alumnus.name}</Typography>
                  <Typography textColor="neutral600">{p.post.label ?? label('dimension', p.post.dimension)}</Typography>
                  <Badge backgroundColor={p.overdue ? 'danger100' : 'warning100'} textColor={p.overdue ? 'danger700' : 'warning700'}>
                    {p.overdue
                      ? t('training.overdue', 'Past its deadline {date}', {
                          date: p.deadline,
                        })
                      : t('training.due', 'Due {date}', { date: p.deadline })}
                  </Badge>
                </Flex>
              ))}
            </Box>
          </Flex>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
