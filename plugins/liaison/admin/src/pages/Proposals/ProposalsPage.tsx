import { useEffect, useState } from 'react';
import { Badge, Box, Button, Checkbox, Field, Flex, Modal, Table, Tabs, Tbody, Td, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination, useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useTheme } from 'styled-components';
import type { ProposalItem, ProposalSettings } from '../../../../server/src/admin-api-types';
import { fieldErrorsOf, useErrorMessage } from '../../api/errors';
import { useEnumLabel, useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';
import { useDecision, useProposals, useProposalSettings, useSaveSettings } from './api';

const STATUSES = ['pending', 'approved', 'rejected'] as const;
const REVIEW_FIELDS: ProposalSettings['reviewFields'] = ['city', 'employer', 'jobTitle', 'phone', 'email', 'wechat'];
/** useRBAC names each permission by the last part of its action. */
const PERMISSIONS = [{ action: 'plugin::liaison.proposals.configure', subject: null }];

/** A field's value: an alumnus status in words, an empty one as such. */
const Value = ({ field, value }: { field: string; value: string | null }) => {
  const t = useT();
  const label = useEnumLabel();
  if (value === null) return <Typography textColor="neutral500">{t('proposals.value.empty', '(empty)')}</Typography>;
  return <Typography>{field === 'alumnusStatus' ? label('alumnusStatus', value) : value}</Typography>;
};

/** One proposal: the record's values beside the proposed ones, who proposed it and from where, and the decision. */
const ProposalCard = ({ item, onReject }: { item: ProposalItem; onReject: (item: ProposalItem) => void }) => {
  const t = useT();
  const intl = useIntl();
  const label = useEnumLabel();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const decision = useDecision();
  const theme = useTheme();
  // A decided proposal shows what the record held when it was made (the record has moved on since).
  const pending = item.status === 'pending';
  // Contact details this user may not read come without values; the office decides such a proposal.
  const officeDecides = item.fields.some((f) => f.hidden);
  const name = item.alumnus?.name ?? '';
  const approve = async () => {
    try {
      await decision.mutateAsync({ documentId: item.documentId, approve: true });
      toggleNotification({ type: 'success', message: t('proposals.approved', 'The change of {name} is applied', { name }) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  const when = (v: string | null) => (v ? intl.formatDate(v, { dateStyle: 'medium', timeStyle: 'short' }) : '');
  return (
    <Box tag="section" aria-label={name} background="neutral0" hasRadius shadow="tableShadow" padding={5} data-testid="proposal">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
          <Box>
            <Typography variant="delta" tag="h2">{name}</Typography>
            <Typography variant="pi" textColor="neutral600">
              {[item.alumnus?.className, item.alumnus?.college].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
          <Badge>{label('proposalStatus', item.status)}</Badge>
        </Flex>
        <Typography variant="omega" textColor="neutral700">
          {item.post
            ? t('proposals.proposedBy', 'Proposed by {post} on {when}', { post: item.post.label ?? item.post.holder ?? '', when: when(item.createdAt) })
            : t('proposals.proposedBySelf', 'Changed by {who} themself on {when}', { who: item.proposer?.name ?? name, when: when(item.createdAt) })}
          {' · '}
          {t('proposals.source', 'Source: {source}', { source: label('infoSource', item.source) })}
        </Typography>
        {item.note ? (
          <Typography variant="omega" textColor="neutral800">
            {t('proposals.note', 'Note: {note}', { note: item.note })}
          </Typography>
        ) : null}
        <Table colCount={3} rowCount={item.fields.length + 1}>
          <Thead>
            <Tr>
              <Th><Typography variant="sigma">{t('proposals.column.field', 'Field')}</Typography></Th>
              <Th>
                <Typography variant="sigma">
                  {pending ? t('proposals.column.current', 'Now in the record') : t('proposals.column.before', 'When proposed')}
                </Typography>
              </Th>
              <Th><Typography variant="sigma">{t('proposals.column.proposed', 'Proposed')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {item.fields.map((f) => (
              <Tr key={f.field} data-changed={f.changed ? 'true' : 'false'} style={f.changed && pending ? { background: theme.colors.warning100 } : undefined}>
                <Td>
                  <Typography fontWeight={f.changed ? 'bold' : 'regular'}>{t(`proposals.field.${f.field}`, f.field)}</Typography>
                </Td>
                {f.hidden ? (
                  <Td colSpan={2}>
                    <Typography variant="pi" textColor="neutral600" data-testid="proposal-hidden-field">
                      {t('proposals.value.hidden', 'A contact detail: only the alumni office sees it')}
                    </Typography>
                  </Td>
                ) : null}
                {f.hidden ? null : (
                <Td>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    <Value field={f.field} value={pending ? f.current : f.whenProposed} />
                    {f.stale ? (
                      <Typography variant="pi" textColor="danger600">
                        {t('proposals.stale', 'Changed since the proposal (then: {value})', { value: f.whenProposed ?? t('proposals.value.empty', '(empty)') })}
                      </Typography>
                    ) : null}
                  </Flex>
                </Td>
                )}
                {f.hidden ? null : (
                <Td>
                  <Box style={f.changed ? { fontWeight: 600 } : undefined}>
                    <Value field={f.field} value={f.proposed} />
                  </Box>
                </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
        {pending && officeDecides ? (
          <Typography variant="omega" textColor="neutral600" data-testid="proposal-office-decides">
            {t('proposals.officeDecides', 'It changes a contact detail: the alumni office decides it.')}
          </Typography>
        ) : pending ? (
          <Flex gap={2} justifyContent="flex-end">
            <Button variant="danger-light" onClick={() => onReject(item)} disabled={decision.isPending}>
              {t('proposals.reject', 'Reject')}
            </Button>
            <Button onClick={approve} loading={decision.isPending}>
              {t('proposals.approve', 'Approve')}
            </Button>
          </Flex>
        ) : (
          <Typography variant="omega" textColor="neutral600">
            {t(item.status === 'approved' ? 'proposals.decided.approved' : 'proposals.decided.rejected', 'Decided by {who} on {when}', {
              who: item.decidedBy ?? '',
              when: when(item.decidedAt),
            })}
            {item.reason ? ` · ${t('proposals.reason', 'Reason: {reason}', { reason: item.reason })}` : ''}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};

/** Rejecting needs a reason, which the liaison reads. */
const RejectDialog = ({ item, onClose }: { item: ProposalItem; onClose: () => void }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const decision = useDecision();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    try {
      await decision.mutateAsync({ documentId: item.documentId, approve: false, reason });
      toggleNotification({ type: 'success', message: t('proposals.rejected', 'The proposal about {name} is rejected', { name: item.alumnus?.name ?? '' }) });
      onClose();
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.reason) setError(fields.reason);
      else toggleNotification({ type: 'danger', message: messageOf(e) });
    }
  };
  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('proposals.rejectTitle', 'Reject the proposal about {name}', { name: item.alumnus?.name ?? '' })}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Field.Root name="reason" error={error} required>
            <Field.Label>{t('proposals.rejectReason', 'Why (the liaison reads it)')}</Field.Label>
            <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
            <Field.Error />
          </Field.Root>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('proposals.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button variant="danger" onClick={submit} loading={decision.isPending} disabled={!reason.trim()}>
            {t('proposals.rejectSubmit', 'Reject')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** The fields whose owners' own changes wait for review: the office sets them, the others read them. */
const ReviewSettings = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const settings = useProposalSettings();
  const saving = useSaveSettings();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (settings.data) setPicked(new Set(settings.data.reviewFields));
  }, [settings.data]);
  const save = async () => {
    try {
      await saving.mutateAsync({ reviewFields: REVIEW_FIELDS.filter((f) => picked.has(f)) });
      toggleNotification({ type: 'success', message: t('proposals.settings.saved', 'Saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  const editable = !!allowedActions.canConfigure;
  return (
    <Box tag="section" aria-labelledby="proposal-settings" background="neutral0" hasRadius shadow="tableShadow" padding={5}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2" id="proposal-settings">{t('proposals.settings.title', 'Fields that need review')}</Typography>
        <Typography variant="omega" textColor="neutral600">
          {t('proposals.settings.help', "An alumnus' own change of these fields waits here for review instead of applying at once.")}
        </Typography>
        <Flex gap={4} wrap="wrap">
          {REVIEW_FIELDS.map((f) => (
            <Checkbox
              key={f}
              disabled={!editable}
              checked={picked.has(f)}
              onCheckedChange={(checked: boolean) =>
                setPicked((p) => {
                  const next = new Set(p);
                  if (checked) next.add(f);
                  else next.delete(f);
                  return next;
                })
              }
            >
              {t(`proposals.field.${f}`, f)}
            </Checkbox>
          ))}
        </Flex>
        {editable ? (
          <Flex justifyContent="flex-end">
            <Button variant="secondary" onClick={save} loading={saving.isPending}>
              {t('proposals.settings.save', 'Save')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};

/** Proposed changes of alumni records: pending, approved and rejected, each side by side with the record. */
export const ProposalsPage = () => {
  const t = useT();
  const [{ query }, setQuery] = useQueryParams<{ status?: string; page?: string; pageSize?: string }>();
  const status = STATUSES.includes(query.status as any) ? (query.status as string) : 'pending';
  const list = useProposals({ status, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  const [rejecting, setRejecting] = useState<ProposalItem | null>(null);
  const title = t('proposals.title', 'Proposed changes');
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;
  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t('proposals.subtitle', "Changes of alumni records proposed by liaisons (and by alumni, for fields that need review): compare, approve or reject")} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Tabs.Root value={status} onValueChange={(value: string) => setQuery({ status: value, page: '1' })}>
            <Tabs.List aria-label={t('proposals.tabs', 'Proposals by status')}>
              {STATUSES.map((s) => (
                <Tabs.Trigger key={s} value={s}>{t(`proposals.tab.${s}`, s)}</Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs.Root>
          {rows.map((item) => (
            <ProposalCard key={item.documentId} item={item} onReject={setRejecting} />
          ))}
          {rows.length === 0 && !list.isFetching ? (
            <Typography textColor="neutral600">{t(`proposals.empty.${status}`, 'No proposals here.')}</Typography>
          ) : null}
          {pagination && pagination.total > 0 ? (
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={pageSizeOptions(query.pageSize)} />
              <Pagination.Links />
            </Pagination.Root>
          ) : null}
          <ReviewSettings />
        </Flex>
      </Layouts.Content>
      {rejecting ? <RejectDialog item={rejecting} onClose={() => setRejecting(null)} /> : null}
    </Page.Main>
  );
};
