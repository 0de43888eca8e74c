import { Badge, Box, Button, Dialog, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination, useFetchClient, useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { lazy, Suspense, useMemo, useState } from 'react';
import { DEFAULT_RESULTS_SORT, GRADES, type Honour, type ResultRow } from '../../api/appraisal';
import { DIMENSIONS } from '../../api/board';
import { useErrorMessage } from '../../api/errors';
import { useApproveHonour, useCloseCycle, useComputeCycle } from '../../api/mutations';
import { useCycles, useHonours, useMeasures, useResults } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';
import { AwardDialog } from './AwardDialog';
import { HistoryModal } from './HistoryModal';
import { ResultsTable } from './ResultsTable';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';

const GradeChart = lazy(() => import('./GradeChart'));

/** useRBAC names each permission by the last part of its action. */
const PERMISSIONS = [
  { action: 'plugin::liaison.appraisal.manage', subject: null },
  { action: 'plugin::liaison.appraisal.review', subject: null },
  { action: 'plugin::liaison.honours.nominate', subject: null },
  { action: 'plugin::liaison.honours.approve', subject: null },
];

type Query = {
  cycle?: string;
  dimension?: string;
  scope?: string;
  scopeName?: string;
  grade?: string;
  page?: string;
  pageSize?: string;
  sort?: string;
};

/** Nominations waiting for the committee, approved here by those who may (the list follows: api/mutations.ts). */
const Nominations = ({ cycle, canApprove }: { cycle: string; canApprove: boolean }) => {
  const t = useT();
  const label = useEnumLabel();
  const messageOf = useErrorMessage();
  const { toggleNotification } = useNotification();
  const nominated = useHonours({ cycle, status: 'nominated', pageSize: 100 });
  const approval = useApproveHonour();
  if (!nominated.data?.data.length) return null;
  const approve = async (h: Honour) => {
    try {
      await approval.mutateAsync(h.documentId);
      toggleNotification({
        type: 'success',
        message: t('appraisal.nominations.approved', '{name}: {title} awarded', { name: h.alumnus?.name, title: h.title }),
      });
    } catch (e) {
      toggleNotification({ type: 'danger', message: messageOf(e) });
    }
  };
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="nominations">
      <Typography variant="delta" tag="h3">
        {t('appraisal.nominations.title', 'Honours awaiting the committee')}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {nominated.data.data.map((h) => (
          <Flex key={h.documentId} gap={3} justifyContent="space-between">
            <Typography>
              {h.alumnus?.name} · {label('kind', h.kind)} · {h.title}
              {h.amount ? ` · ¥${h.amount}` : ''}
            </Typography>
            {canApprove ? (
              <Button size="S" variant="success-light" onClick={() => approve(h)}>
                {t('appraisal.nominations.approve', 'Approve and award')}
              </Button>
            ) : null}
          </Flex>
        ))}
      </Flex>
    </Box>
  );
};

/** The Appraisal workspace: a cycle's liaisons, their figures and scores, grades and ranks; closing, export, honours. */
export const AppraisalPage = () => {
  const t = useT();
  const label = useEnumLabel();
  const { get } = useFetchClient();
  const messageOf = useErrorMessage();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const [{ query }, setQuery] = useQueryParams<Query>();
  const cycles = useCycles();
  const measures = useMeasures();
  const list = cycles.data?.data ?? [];
  const chosen = list.find((c) => c.documentId === query.cycle) ?? list.find((c) => c.cycleStatus === 'open') ?? list[0];
  const results = useResults(chosen?.documentId, {
    dimension: query.dimension,
    scope: query.dimension ? query.scope : undefined,
    grade: query.grade,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
    sort: query.sort ?? DEFAULT_RESULTS_SORT,
  });
  // Closing and measuring refresh the cycles and their results (api/mutations.ts).
  const closing = useCloseCycle();
  const computing = useComputeCycle();
  const [person, setPerson] = useState<ResultRow['alumnus'] | null>(null);
  const [awarding, setAwarding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const measureLabels = useMemo(() => Object.fromEntries((measures.data?.data ?? []).map((m) => [m.key, m.label])), [measures.data]);
  const closed = chosen?.cycleStatus === 'closed';
  const title = t('appraisal.title', 'Appraisal workspace');

  const act = async (name: string, run: () => Promise<void>) => {
    setBusy(name);
    try {
      await run();
    } catch (e) {
      toggleNotification({ type: 'danger', message: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };
  const close = () =>
    act('close', async () => {
      const cycle = await closing.mutateAsync(chosen!.documentId);
      toggleNotification({
        type: 'success',
        message: t('appraisal.closed', 'Cycle closed: {n} results mailed', {
          n: cycle.mailed,
        }),
      });
    });
  const compute = () =>
    act('compute', async () => {
      const computed = await computing.mutateAsync(chosen!.documentId);
      toggleNotification({
        type: 'success',
        message: t('appraisal.computed', '{n} liaisons measured in {ms} ms', {
          n: computed.appraisals,
          ms: computed.milliseconds,
        }),
      });
    });
  const download = (format: 'csv' | 'xlsx') =>
    act(format, async () => {
      const res = await get(`/liaison/cycles/${chosen!.documentId}/export?format=${format}`, { responseType: 'blob' });
      const url = URL.createObjectURL(res.data);
      const a = document.createElement('a');
      a.href = url;
      a.download = `appraisal-${chosen!.periodStart}.${format}`;
      a.click();
      URL.revokeObjectURL(url);
    });

  const pagination = results.data?.meta.pagination;
  return (
    <Page.Main aria-busy={cycles.isFetching || results.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('appraisal.subtitle', 'Measured figures and reviewers’ scores, grades and ranks, honours')}
        primaryAction={
          chosen && !closed && allowedActions.canManage ? (
            <Dialog.Root>
              <Dialog.Trigger>
                <Button variant="danger-light" loading={busy === 'close'} data-testid="close-cycle">
                  {t('appraisal.close', 'Close the cycle')}
                </Button>
              </Dialog.Trigger>
              <Dialog.Content>
                <Dialog.Header>{t('appraisal.close', 'Close the cycle')}</Dialog.Header>
                <Dialog.Body>
                  {t(
                    'appraisal.close.confirm',
                    'Closing freezes every score and result, and mails each liaison their result. This cannot be undone.',
                  )}
                </Dialog.Body>
                <Dialog.Footer>
                  <Dialog.Cancel>
                    <Button variant="tertiary">{t('appraisal.cancel', 'Cancel')}</Button>
                  </Dialog.Cancel>
                  <Dialog.Action>
                    <Button variant="danger" onClick={close} data-testid="confirm-close">
                      {t('appraisal.close.do', 'Close and mail the results')}
                    </Button>
                  </Dialog.Action>
                </Dialog.Footer>
              </Dialog.Content>
            </Dialog.Root>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {cycles.data && !list.length ? (
            <Typography tag="p">{t('appraisal.empty', 'No appraisal cycle yet: create one through POST /liaison/cycles.')}</Typography>
          ) : null}
          {chosen ? (
            <Flex gap={4} alignItems="flex-end" wrap="wrap">
              <Field.Root name="cycle">
                <Field.Label>{t('appraisal.cycle', 'Cycle')}</Field.Label>
                <SingleSelect
                  value={chosen.documentId}
                  onChange={(v: string | number) => setQuery({ cycle: String(v), page: '1' })}
                  data-testid="cycle-select"
                >
                  {list.map((c) => (
                    <SingleSelectOption key={c.documentId} value={c.documentId}>
                      {c.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="dimension">
                <Field.Label>{t('appraisal.filter.dimension', 'Dimension')}</Field.Label>
                <SingleSelect
                  value={query.dimension ?? ''}
                  onChange={(v: string | number) =>
                    setQuery({
                      dimension: String(v) || undefined,
                      scope: undefined,
                      scopeName: undefined,
                      page: '1',
                    })
                  }
                >
                  <SingleSelectOption value="">{t('appraisal.filter.all', 'All')}</SingleSelectOption>
                  {DIMENSIONS.map((d) => (
                    <SingleSelectOption key={d} value={d}>
                      {label('dimension', d)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="grade">
                <Field.Label>{t('appraisal.filter.grade', 'Grade')}</Field.Label>
                <SingleSelect
                  value={query.grade ?? ''}
                  onChange={(v: string | number) =>
                    setQuery({
                      grade: String(v) || undefined,
                      page: '1',
                    })
                  }
                >
                  <SingleSelectOption value="">{t('appraisal.filter.all', 'All')}</SingleSelectOption>
                  {GRADES.map((g) => (
                    <SingleSelectOption key={g} value={g}>
                      {label('grade', g)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Badge
                backgroundColor={closed ? 'neutral150' : 'success100'}
                textColor={closed ? 'neutral700' : 'success700'}
                data-testid="cycle-status"
              >
                {label('cycleStatus', chosen.cycleStatus)}
              </Badge>
              {query.dimension && query.scope ? (
                <Button
                  variant="tertiary"
                  size="S"
                  data-testid="scope-filter"
                  onClick={() => setQuery({ scope: undefined, scopeName: undefined, page: '1' })}
                >
                  {t('appraisal.scope.clear', 'Scope: {name} ✕', { name: query.scopeName || query.scope })}
                </Button>
              ) : null}
              <Typography variant="pi" textColor="neutral600">
                {chosen.periodStart} – {chosen.periodEnd} ·{' '}
                {t('appraisal.thresholds', 'excellent ≥ {excellent}, good ≥ {good}, pass ≥ {pass}', chosen.thresholds)}
              </Typography>
              <Flex gap={2} marginLeft="auto">
                {!closed && allowedActions.canManage ? (
                  <Button variant="secondary" onClick={compute} loading={busy === 'compute'}>
                    {t('appraisal.compute', 'Measure again')}
                  </Button>
                ) : null}
                {allowedActions.canManage ? (
                  <>
                    <Button variant="tertiary" onClick={() => download('csv')} loading={busy === 'csv'}>
                      CSV
                    </Button>
                    <Button variant="tertiary" onClick={() => download('xlsx')} loading={busy === 'xlsx'}>
                      XLSX
                    </Button>
                  </>
                ) : null}
                {closed && allowedActions.canNominate ? (
                  <Button onClick={() => setAwarding(true)} data-testid="award">
                    {t('appraisal.award.open', 'Award honours')}
                  </Button>
                ) : null}
              </Flex>
            </Flex>
          ) : null}
          {results.error ? <Typography textColor="danger600">{t('appraisal.error', 'The results could not be loaded.')}</Typography> : null}
          {results.data ? (
            <>
              <Suspense fallback={null}>
                <GradeChart grades={results.data.meta.grades} />
              </Suspense>
              {closed ? (
                <Nominations cycle={chosen!.documentId} canApprove={!!allowedActions.canApprove} />
              ) : null}
              <ResultsTable
                key={`${chosen!.documentId}-${chosen!.cycleStatus}`}
                rows={results.data.data}
                criteria={results.data.meta.cycle.criteria}
                measureLabels={measureLabels}
                editable={!closed && !!allowedActions.canReview}
                onOpenPerson={(row) => setPerson(row.alumnus)}
                onPickScope={(row) =>
                  row.post.scope.documentId &&
                  setQuery({
                    dimension: row.post.dimension,
                    scope: row.post.scope.documentId,
                    scopeName: row.post.scope.name ?? '',
                    page: '1',
                  })
                }
              />
              {pagination ? (
                <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
                  <Pagination.PageSize options={pageSizeOptions(query.pageSize)} />
                  <Pagination.Links />
                </Pagination.Root>
              ) : null}
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
      {person ? <HistoryModal alumnus={person} onClose={() => setPerson(null)} /> : null}
      {awarding && chosen ? (
        <AwardDialog
          cycle={chosen.documentId}
          onClose={() => setAwarding(false)}
          onDone={() => setAwarding(false)}
        />
      ) : null}
    </Page.Main>
  );
};
