import { useEffect, useMemo, useState } from 'react';
import { Box, Button, Dialog, Flex, Radio, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import type { DuplicatePairDetail, MergeRecord } from '../../../../server/src/admin-api-types';
import { useErrorMessage } from '../../api/errors';
import { useDismissPair, useMergeAlumni } from '../../api/mutations';
import { useDuplicatePair } from '../../api/queries';
import { useT } from '../../utils/labels';
import { Evidence, ScoreBar, useAlumnusField, useValue } from './parts';

type Side = 'a' | 'b';
const other = (s: Side): Side => (s === 'a' ? 'b' : 'a');
const empty = (v: unknown) => v === null || v === undefined || v === '';

/** By default a field comes from the kept record, unless the kept record has nothing there. */
const defaultChoices = (pair: DuplicatePairDetail, kept: Side): Record<string, Side> =>
  Object.fromEntries(pair.differing.map((f) => [f, empty(pair.records[kept].values[f]) && !empty(pair.records[other(kept)].values[f]) ? other(kept) : kept]));

/** What links to each record: posts, contact logs … (all of it moves to the kept record). */
const Links = ({ a, b }: { a: MergeRecord; b: MergeRecord }) => {
  const t = useT();
  const keys = Object.keys(a.links).filter((k) => a.links[k] + (b.links[k] ?? 0) > 0);
  if (!keys.length) return <Typography textColor="neutral600">{t('duplicates.links.none', 'Nothing links to either record yet.')}</Typography>;
  return (
    <Table colCount={3} rowCount={keys.length + 1}>
      <Thead>
        <Tr>
          <Th><Typography variant="sigma">{t('duplicates.links.kind', 'Linked records')}</Typography></Th>
          <Th><Typography variant="sigma">A</Typography></Th>
          <Th><Typography variant="sigma">B</Typography></Th>
        </Tr>
      </Thead>
      <Tbody>
        {keys.map((k) => (
          <Tr key={k}>
            <Td><Typography>{t(`duplicates.link.${k}`, k)}</Typography></Td>
            <Td><Typography>{a.links[k]}</Typography></Td>
            <Td><Typography>{b.links[k] ?? 0}</Typography></Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/**
 * One probable pair side by side: every field of both records, the differing ones
 * highlighted with a choice of which to keep; which record stays; merge or dismiss.
 */
export const PairReview = () => {
  const t = useT();
  const { documentId } = useParams<{ documentId: string }>();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const fieldName = useAlumnusField();
  const valueOf = useValue();
  const query = useDuplicatePair(documentId);
  const pair = query.data?.data;
  const [kept, setKept] = useState<Side>('a');
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [confirming, setConfirming] = useState(false);
  const merging = useMergeAlumni();
  const dismissing = useDismissPair();
  useEffect(() => {
    if (pair) setChoices(defaultChoices(pair, kept));
  }, [pair, kept]);
  const differing = useMemo(() => new Set(pair?.differing ?? []), [pair]);
  const title = t('duplicates.review.title', 'Compare two records');
  const back = (
    <Button tag={RouterLink} to=".." relative="path" variant="ghost" startIcon={<ArrowLeft />}>
      {t('duplicates.back', 'Back to the list')}
    </Button>
  );
  if (query.isError) {
    return (
      <Page.Main>
        <Layouts.Header title={title} navigationAction={back} />
        <Layouts.Content><Typography textColor="danger600">{messageOf(query.error)}</Typography></Layouts.Content>
      </Page.Main>
    );
  }
  if (!pair) return <Page.Loading />;

  const keptRecord = pair[kept];
  const from = pair[other(kept)];
  const merge = async () => {
    // The API speaks of the kept record as 'a' and the merged one as 'b'.
    const fields = Object.fromEntries(Object.entries(choices).map(([f, side]) => [f, side === kept ? 'a' : 'b'])) as Record<string, 'a' | 'b'>;
    try {
      const result = await merging.mutateAsync({ kept: keptRecord.documentId, from: from.documentId, fields });
      toggleNotification({ type: 'success', message: t('duplicates.merged', '{name}: the two records are one now', { name: result.name }) });
      navigate('..', { relative: 'path' });
    } catch (error) {
      setConfirming(false);
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  const dismiss = async () => {
    try {
      await dismissing.mutateAsync(pair.documentId);
      toggleNotification({ type: 'success', message: t('duplicates.dismissed', '{a} and {b}: marked as two people', { a: pair.a.name, b: pair.b.name }) });
      navigate('..', { relative: 'path' });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  const open = pair.status === 'open';

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={`${pair.a.name} / ${pair.b.name}`}
        subtitle={title}
        navigationAction={back}
        primaryAction={
          open ? (
            <Flex gap={2}>
              <Button variant="tertiary" onClick={dismiss} loading={dismissing.isPending}>{t('duplicates.dismiss', 'Two people')}</Button>
              <Button variant="danger" onClick={() => setConfirming(true)}>{t('duplicates.merge', 'Merge')}</Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex gap={4} alignItems="center" wrap="wrap">
            <ScoreBar score={pair.score} />
            <Evidence evidence={pair.evidence} />
          </Flex>
          <Box>
            <Typography variant="delta" tag="h2">{t('duplicates.keep', 'Which record stays')}</Typography>
            <Box paddingTop={2}>
              <Radio.Group aria-label={t('duplicates.keep', 'Which record stays')} value={kept} onValueChange={(v: string) => setKept(v as Side)}>
                <Flex gap={6}>
                  {(['a', 'b'] as const).map((s) => (
                    <Radio.Item key={s} value={s}>
                      {t('duplicates.keepSide', 'Keep {side}: {name}', { side: s.toUpperCase(), name: pair[s].name })}
                    </Radio.Item>
                  ))}
                </Flex>
              </Radio.Group>
            </Box>
          </Box>
          <Table colCount={3} rowCount={pair.fields.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('duplicates.column.field', 'Field')}</Typography></Th>
                {(['a', 'b'] as const).map((s) => (
                  <Th key={s}>
                    <Typography variant="sigma">
                      {s.toUpperCase()} {s === kept ? t('duplicates.kept', '(stays)') : t('duplicates.goes', '(merged into the other)')}
                    </Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {pair.fields.map((field) => {
                const differs = differing.has(field);
                return (
                  <Tr key={field} data-testid={`field-${field}`} style={differs ? { background: 'rgba(255, 200, 0, 0.12)' } : undefined}>
                    <Td><Typography fontWeight={differs ? 'bold' : undefined}>{fieldName(field)}</Typography></Td>
                    {(['a', 'b'] as const).map((s) => (
                      <Td key={s}>
                        {differs && open ? (
                          <Radio.Group
                            aria-label={`${fieldName(field)} ${s.toUpperCase()}`}
                            value={choices[field] === s ? s : ''}
                            onValueChange={() => setChoices((c) => ({ ...c, [field]: s }))}
                          >
                            <Radio.Item value={s}>{valueOf(field, pair.records[s].values[field])}</Radio.Item>
                          </Radio.Group>
                        ) : (
                          <Typography textColor={differs ? 'neutral800' : 'neutral600'}>{valueOf(field, pair.records[s].values[field])}</Typography>
                        )}
                      </Td>
                    ))}
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
          <Box>
            <Typography variant="delta" tag="h2">{t('duplicates.links.title', 'What moves to the record that stays')}</Typography>
            <Box paddingTop={2}><Links a={pair.records.a} b={pair.records.b} /></Box>
          </Box>
        </Flex>
      </Layouts.Content>
      <Dialog.Root open={confirming} onOpenChange={setConfirming}>
        <Dialog.Content>
          <Dialog.Header>{t('duplicates.confirm.title', 'Merge the two records?')}</Dialog.Header>
          <Dialog.Body>
            <Typography>
              {t('duplicates.confirm.body', '{from} will be merged into {kept}: its posts, contact logs, feedback, training, honours and the rest move over, and it is deleted. This cannot be undone.', {
                from: `${from.name}${from.studentNo ? ` (${from.studentNo})` : ''}`,
                kept: `${keptRecord.name}${keptRecord.studentNo ? ` (${keptRecord.studentNo})` : ''}`,
              })}
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('duplicates.cancel', 'Cancel')}</Button>
            </Dialog.Cancel>
            <Button variant="danger" onClick={merge} loading={merging.isPending}>{t('duplicates.confirm.merge', 'Merge')}</Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Page.Main>
  );
};
