import { Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { SurveyLabel, SurveyQuestionResult } from '../../../../server/src/admin-api-types';
import { useErrorMessage } from '../../api/errors';
import { useEnumLabel, useT } from '../../utils/labels';
import { useDownloadResults, useSurveyResults } from './api';

const useLabel = () => {
  const intl = useIntl();
  return (l: SurveyLabel) => (intl.locale.startsWith('zh') ? l['zh-Hans'] || l.en : l.en || l['zh-Hans']);
};

/** One question's answers in the chosen scope: a bar per option, or the count and the numbers' figures. */
const QuestionChart = ({ question, scope }: { question: SurveyQuestionResult; scope: string }) => {
  const t = useT();
  const label = useLabel();
  const theme = useTheme();
  const figures = question.scopes[scope];
  const data = question.options.map((o) => ({ name: label(o.label), count: figures?.counts[o.key] ?? 0 }));
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="question-result">
      <Typography variant="delta" tag="h3">
        {label(question.label)}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t(`surveys.kind.${question.kind}`, question.kind)} · {t('surveys.results.answered', '{n} answered', { n: figures?.answered ?? 0 })}
      </Typography>
      {data.length > 0 && (
        <Box paddingTop={2} style={{ width: '100%', height: Math.max(160, 40 * data.length) }}>
          <ResponsiveContainer>
            <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke={theme?.colors?.neutral200} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: theme?.colors?.neutral600 }} />
              <YAxis type="category" dataKey="name" width={160} tick={{ fontSize: 12, fill: theme?.colors?.neutral600 }} />
              <Tooltip />
              <Bar dataKey="count" name={t('surveys.results.count', 'Answers')} fill={theme?.colors?.primary500 ?? '#7b79ff'} />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
      {question.kind === 'number' && figures && figures.answered > 0 && (
        <Typography tag="p">
          {t('surveys.results.numbers', 'Mean {mean}, least {min}, greatest {max}', { mean: figures.mean ?? '–', min: figures.min ?? '–', max: figures.max ?? '–' })}
        </Typography>
      )}
    </Box>
  );
};

/** A survey's results: the response rate per scope, each question's answers as bars, the export. */
export const SurveyResultsView = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const dimension = useEnumLabel();
  const results = useSurveyResults(documentId);
  const download = useDownloadResults();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const [scope, setScope] = useState('all');
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const data = results.data;
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      await download(documentId, format);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };
  if (results.error) return <Typography textColor="danger600">{messageOf(results.error)}</Typography>;
  if (!data) return <Typography textColor="neutral600">{t('surveys.loading', 'Loading…')}</Typography>;
  const scopeName = (key: string) => {
    const s = data.scopes.find((x) => x.key === key);
    return !s || key === 'all' ? t('surveys.results.all', 'All') : `${s.kind ? dimension('dimension', s.kind) : ''} · ${s.name}`;
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2} justifyContent="flex-end">
        <Button variant="secondary" startIcon={<Download />} onClick={() => exportAs('csv')} loading={busy === 'csv'}>
          {t('surveys.export.csv', 'Export CSV')}
        </Button>
        <Button variant="secondary" startIcon={<Download />} onClick={() => exportAs('xlsx')} loading={busy === 'xlsx'}>
          {t('surveys.export.xlsx', 'Export Excel')}
        </Button>
      </Flex>
      <Table colCount={4} rowCount={data.scopes.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('surveys.results.scope', 'Scope')}</Typography></Th>
            <Th><Typography variant="sigma">{t('surveys.results.invited', 'Invited')}</Typography></Th>
            <Th><Typography variant="sigma">{t('surveys.results.answeredColumn', 'Answered')}</Typography></Th>
            <Th><Typography variant="sigma">{t('surveys.results.rate', 'Response rate')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.scopes.map((s) => (
            <Tr key={s.key} data-testid="scope-rate">
              <Td><Typography fontWeight={s.key === 'all' ? 'bold' : undefined}>{scopeName(s.key)}</Typography></Td>
              <Td><Typography>{s.invited}</Typography></Td>
              <Td><Typography>{s.answered}</Typography></Td>
              <Td><Typography>{s.rate === null ? '–' : `${s.rate}%`}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Box style={{ width: 320 }}>
        <SingleSelect aria-label={t('surveys.results.showScope', 'Answers of')} value={scope} onChange={(v: string | number) => setScope(String(v))}>
          {data.scopes.map((s) => (
            <SingleSelectOption key={s.key} value={s.key}>
              {scopeName(s.key)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      {data.questions.map((q) => (
        <QuestionChart key={q.key} question={q} scope={scope} />
      ))}
    </Flex>
  );
};

export default SurveyResultsView;
