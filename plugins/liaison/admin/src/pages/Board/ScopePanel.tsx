import { Badge, Box, Button, Flex, Loader, Modal, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { Dimension, ScopePost } from '../../api/board';
import { useErrorMessage } from '../../api/errors';
import { usePostChange } from '../../api/mutations';
import { useCandidates, usePostHistory, useScope } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';
import { PostDialog, type PostAction } from './PostDialogs';

const STATUS_COLOURS: Record<string, [string, string]> = {
  nominated: ['warning100', 'warning700'],
  approved: ['secondary100', 'secondary700'],
  active: ['success100', 'success700'],
  ended: ['neutral150', 'neutral600'],
  rejected: ['danger100', 'danger700'],
};

/** useRBAC names each permission by the last part of its action: canNominate, canApprove, canManage, canRead (coverage and candidates). */
const PERMISSIONS = [
  { action: 'plugin::liaison.posts.nominate', subject: null },
  { action: 'plugin::liaison.posts.approve', subject: null },
  { action: 'plugin::liaison.posts.manage', subject: null },
  { action: 'plugin::liaison.coverage.read', subject: null },
];

const History = ({ post }: { post: ScopePost }) => {
  const t = useT();
  const history = usePostHistory(post.documentId);
  if (history.isFetching) return <Loader small />;
  return (
    <Box paddingLeft={4} paddingBottom={2} data-testid="post-history">
      {(history.data?.data ?? []).map((h, i) => (
        <Typography key={i} tag="p" variant="pi" textColor="neutral600">
          {`${new Date(h.at).toLocaleString()} · ${t(`assignment.history.${h.action}`, h.action)} · ${h.by ?? t('assignment.history.system', 'System')}${h.reason ? ` · ${h.reason}` : ''}`}
        </Typography>
      ))}
    </Box>
  );
};

interface Props {
  dimension: Dimension;
  scope: { documentId: string; name: string };
  onClose: () => void;
}

/** One scope: its posts and holders with their actions, history, and candidates for a free post. */
export const ScopePanel = ({ dimension, scope, onClose }: Props) => {
  const t = useT();
  const label = useEnumLabel();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const detail = useScope(dimension, scope.documentId);
  const candidates = useCandidates(dimension, scope.documentId, !!allowedActions.canRead);
  const change = usePostChange();
  const [dialog, setDialog] = useState<{ action: PostAction; post?: ScopePost; alumnus?: { documentId: string; name: string } } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const posts = detail.data?.data.posts ?? [];

  // A change refreshes this scope, its candidates and the board behind it (api/mutations.ts).
  const approve = async (post: ScopePost) => {
    try {
      await change.mutateAsync({ action: 'approve', post: post.documentId });
      toggleNotification({ type: 'success', message: t('board.approve.done', 'Approved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };

  return (
    <Modal.Root open onOpenChange={(o: boolean) => !o && onClose()}>
      <Modal.Content style={{ width: 'min(1100px, 95vw)', maxWidth: 'none' }}>
        <Modal.Header>
          <Modal.Title>{`${label('dimension', dimension)} · ${scope.name}`}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Flex justifyContent="space-between">
              <Typography variant="delta" tag="h3">{t('board.scope.posts', 'Posts and holders')}</Typography>
              {allowedActions.canNominate ? (
                <Button onClick={() => setDialog({ action: 'nominate' })}>{t('board.nominate.open', 'Nominate')}</Button>
              ) : null}
            </Flex>
            {detail.isPending ? <Loader /> : null}
            {posts.length === 0 && !detail.isFetching ? (
              <Typography textColor="neutral600">{t('board.scope.noPosts', 'No one holds or is nominated for a post here yet.')}</Typography>
            ) : null}
            {posts.length ? (
              <Table colCount={5} rowCount={posts.length + 1}>
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">{t('board.column.holder', 'Holder')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('board.field.role', 'Role')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('board.column.status', 'Status')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('board.column.term', 'Term')}</Typography></Th>
                    <Th><Typography variant="sigma">{t('board.column.actions', 'Actions')}</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {posts.flatMap((p) => {
                    const [bg, fg] = STATUS_COLOURS[p.postStatus] ?? ['neutral150', 'neutral600'];
                    const rows = [
                      <Tr key={p.documentId} data-testid="scope-post">
                        <Td><Typography fontWeight="semiBold">{p.alumnus?.name ?? '—'}</Typography></Td>
                        <Td><Typography>{label('role', p.role)}</Typography></Td>
                        <Td>
                          <Badge backgroundColor={bg} textColor={fg}>{label('postStatus', p.postStatus)}</Badge>
                          {p.provisional && (p.postStatus === 'active' || p.postStatus === 'approved') ? (
                            <Badge backgroundColor="warning100" textColor="warning700" marginLeft={1} data-testid="provisional">
                              {t('board.provisional', 'Provisional until {date}', { date: p.trainingDeadline ?? '' })}
                            </Badge>
                          ) : null}
                          {p.rejectionReason ? <Typography variant="pi" textColor="neutral600" tag="p">{p.rejectionReason}</Typography> : null}
                          {p.endReason ? <Typography variant="pi" textColor="neutral600" tag="p">{label('endReason', p.endReason)}</Typography> : null}
                        </Td>
                        <Td><Typography>{`${p.termStart ?? ''} – ${p.termEnd ?? ''}`}</Typography></Td>
                        <Td>
                          <Flex gap={1} wrap="wrap">
                            {p.postStatus === 'nominated' && allowedActions.canApprove ? (
                              <>
                                <Button size="S" variant="success-light" onClick={() => approve(p)}>{t('board.approve.submit', 'Approve')}</Button>
                                <Button size="S" variant="danger-light" onClick={() => setDialog({ action: 'reject', post: p })}>{t('board.reject.submit', 'Reject')}</Button>
                              </>
                            ) : null}
                            {(p.postStatus === 'active' || p.postStatus === 'approved') && allowedActions.canManage ? (
                              <>
                                <Button size="S" variant="secondary" onClick={() => setDialog({ action: 'renew', post: p })}>{t('board.renew.submit', 'Renew')}</Button>
                                <Button size="S" variant="danger-light" onClick={() => setDialog({ action: 'end', post: p })}>{t('board.end.submit', 'End the term')}</Button>
                              </>
                            ) : null}
                            <Button size="S" variant="tertiary" onClick={() => setOpen(open === p.documentId ? null : p.documentId)}>
                              {t('board.history.toggle', 'History')}
                            </Button>
                          </Flex>
                        </Td>
                      </Tr>,
                    ];
                    if (open === p.documentId) {
                      rows.push(
                        <Tr key={`${p.documentId}-history`}>
                          <Td colSpan={5}><History post={p} /></Td>
                        </Tr>
                      );
                    }
                    return rows;
                  })}
                </Tbody>
              </Table>
            ) : null}
            {allowedActions.canRead ? (
              <Box>
                <Typography variant="delta" tag="h3">{t('board.candidates.title', 'Suggested candidates')}</Typography>
                {candidates.isLoading ? <Loader small /> : null}
                {(candidates.data?.data ?? []).length === 0 && !candidates.isFetching ? (
                  <Typography tag="p" textColor="neutral600">{t('board.candidates.none', 'No suggestions for this scope.')}</Typography>
                ) : null}
                <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
                  {(candidates.data?.data ?? []).slice(0, 10).map((c) => (
                    <Flex key={c.alumnus.documentId} gap={3} justifyContent="space-between" data-testid="candidate">
                      <Box>
                        <Typography fontWeight="semiBold">{`${c.alumnus.name} · ${Math.round(c.score)}`}</Typography>
                        <Typography tag="p" variant="pi" textColor="neutral600">
                          {c.reasons.map((r) => t(`assignment.candidate.${r.key}`, r.text)).join(' · ')}
                        </Typography>
                      </Box>
                      {allowedActions.canNominate ? (
                        <Button size="S" variant="secondary" onClick={() => setDialog({ action: 'nominate', alumnus: c.alumnus })}>
                          {t('board.nominate.open', 'Nominate')}
                        </Button>
                      ) : null}
                    </Flex>
                  ))}
                </Flex>
              </Box>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('board.close', 'Close')}</Button>
          </Modal.Close>
        </Modal.Footer>
        {dialog ? (
          <PostDialog
            {...dialog}
            dimension={dimension}
            scope={scope}
            posts={posts}
            onClose={() => setDialog(null)}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal.Content>
    </Modal.Root>
  );
};
