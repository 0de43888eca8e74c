import { Box, Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, Textarea, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState, type ChangeEvent } from 'react';
import { END_REASONS, ROLES_BY_DIMENSION, type AlumnusHit, type Dimension, type NamedRef, type ScopePost } from '../../api/board';
import { fieldErrorsOf, useErrorMessage } from '../../api/errors';
import { usePostChange, type PostChange } from '../../api/mutations';
import { useAlumniSearch } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';

export type PostAction = 'nominate' | 'reject' | 'renew' | 'end';

interface DialogProps {
  action: PostAction;
  dimension: Dimension;
  scope: NamedRef;
  post?: ScopePost;
  posts: ScopePost[];
  /** A candidate picked in the candidates list. */
  alumnus?: NamedRef;
  onClose: () => void;
  onDone: () => void;
}

/** What the dialogs ask, as typed so far. */
interface Form {
  alumnus?: NamedRef;
  role: string;
  termStart: string;
  termEnd: string;
  reason: string;
  note: string;
  successor: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const inYears = (n: number) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() + n);
  return d.toISOString().slice(0, 10);
};

/** Alumni search for the nominate dialog: name, pinyin, initials or student number. */
const AlumnusPicker = ({ value, onChange, error }: { value?: NamedRef; onChange: (a: AlumnusHit) => void; error?: string }) => {
  const t = useT();
  const [q, setQ] = useState('');
  // The search asks once typing pauses for a quarter of a second.
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(q), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const search = useAlumniSearch(term);
  const hits = q.trim() && !search.isError ? (search.data?.data ?? []) : [];
  return (
    <Field.Root name="alumnus" error={error} required>
      <Field.Label>{t('board.nominate.alumnus', 'Alumnus')}</Field.Label>
      {value ? (
        <Typography tag="p" fontWeight="semiBold" data-testid="picked-alumnus">{value.name}</Typography>
      ) : null}
      <TextInput
        placeholder={t('board.nominate.search', 'Name, pinyin initials or student number')}
        value={q}
        onChange={(e: ChangeEvent<HTMLInputElement>) => setQ(e.target.value)}
      />
      <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
        {hits.map((hit) => (
          <Button key={hit.documentId} variant={value?.documentId === hit.documentId ? 'secondary' : 'tertiary'} onClick={() => onChange(hit)} fullWidth>
            {`${hit.name} · ${hit.cohort ?? ''}${hit.college ? ` · ${hit.college}` : ''}${hit.studentNo ? ` · ${hit.studentNo}` : ''}`}
          </Button>
        ))}
      </Flex>
      <Field.Error />
    </Field.Root>
  );
};

/** Nominate, reject, renew and end: one dialog each, with the server's errors shown on their fields. */
export const PostDialog = ({ action, dimension, scope, post, posts, alumnus, onClose, onDone }: DialogProps) => {
  const t = useT();
  const label = useEnumLabel();
  const change = usePostChange();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const [form, setForm] = useState<Form>({
    alumnus,
    // The first role nobody holds or is nominated for in this scope.
    role:
      ROLES_BY_DIMENSION[dimension].find(
        (r) => !posts.some((p) => p.role === r && ['nominated', 'approved', 'active'].includes(p.postStatus))
      ) ?? ROLES_BY_DIMENSION[dimension][0],
    termStart: today(),
    termEnd: action === 'renew' ? '' : inYears(dimension === 'cohort' ? 5 : 3),
    reason: action === 'end' ? 'term_over' : '',
    note: '',
    successor: '',
  });
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  /** A text box's or text area's value into the form. */
  const typed = (key: 'termStart' | 'termEnd' | 'reason' | 'note') => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    set(key, e.target.value);

  /** The request of this dialog's action. */
  const request = (): PostChange => {
    if (action === 'nominate') {
      return {
        action,
        body: {
          alumnus: form.alumnus?.documentId,
          dimension,
          scope: scope.documentId,
          role: form.role,
          termStart: form.termStart,
          termEnd: form.termEnd || undefined,
          reason: form.reason || undefined,
        },
      };
    }
    if (action === 'reject') return { action, post: post!.documentId, body: { reason: form.reason } };
    if (action === 'renew') return { action, post: post!.documentId, body: { termEnd: form.termEnd } };
    return { action, post: post!.documentId, body: { reason: form.reason, note: form.note || undefined, successor: form.successor || undefined } };
  };

  // Success refreshes the scope and the board behind it (api/mutations.ts).
  const submit = async () => {
    try {
      await change.mutateAsync(request());
      toggleNotification({ type: 'success', message: t(`board.${action}.done`, 'Saved') });
      onDone();
    } catch (error) {
      const e = { message: messageOf(error), fields: fieldErrorsOf(error) };
      setErrors(e);
      toggleNotification({ type: 'danger', message: e.message });
    }
  };

  const err = (field: string) => errors.fields[field];
  const titles: Record<PostAction, string> = {
    nominate: t('board.nominate.title', 'Nominate a liaison for {scope}', { scope: scope.name }),
    reject: t('board.reject.title', 'Reject the nomination of {name}', { name: post?.alumnus?.name ?? '' }),
    renew: t('board.renew.title', 'Renew the term of {name}', { name: post?.alumnus?.name ?? '' }),
    end: t('board.end.title', 'End the term of {name}', { name: post?.alumnus?.name ?? '' }),
  };

  return (
    <Modal.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{titles[action]}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {errors.message ? (
              <Box background="danger100" padding={3} hasRadius>
                <Typography textColor="danger700" role="alert">{errors.message}</Typography>
              </Box>
            ) : null}
            {action === 'nominate' ? (
              <>
                <AlumnusPicker value={form.alumnus} onChange={(a) => set('alumnus', a)} error={err('alumnus')} />
                <Field.Root name="role" error={err('role')} required>
                  <Field.Label>{t('board.field.role', 'Role')}</Field.Label>
                  <SingleSelect value={form.role} onChange={(v: string | number) => set('role', String(v))}>
                    {ROLES_BY_DIMENSION[dimension].map((r) => (
                      <SingleSelectOption key={r} value={r}>{label('role', r)}</SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
                <Flex gap={4}>
                  <Field.Root name="termStart" error={err('termStart')} required>
                    <Field.Label>{t('board.field.termStart', 'Term starts')}</Field.Label>
                    <TextInput type="date" value={form.termStart} onChange={typed('termStart')} />
                    <Field.Error />
                  </Field.Root>
                  <Field.Root name="termEnd" error={err('termEnd')}>
                    <Field.Label>{t('board.field.termEnd', 'Term ends')}</Field.Label>
                    <TextInput type="date" value={form.termEnd} onChange={typed('termEnd')} />
                    <Field.Error />
                  </Field.Root>
                </Flex>
                <Field.Root name="reason" error={err('reason')} required={dimension === 'industry'}>
                  <Field.Label>{t('board.field.nominationReason', 'Why this person (required for industry groups)')}</Field.Label>
                  <Textarea value={form.reason} onChange={typed('reason')} />
                  <Field.Error />
                </Field.Root>
              </>
            ) : null}
            {action === 'reject' ? (
              <Field.Root name="reason" error={err('reason')} required>
                <Field.Label>{t('board.field.rejectionReason', 'Reason for the rejection')}</Field.Label>
                <Textarea value={form.reason} onChange={typed('reason')} />
                <Field.Error />
              </Field.Root>
            ) : null}
            {action === 'renew' ? (
              <Field.Root name="termEnd" error={err('termEnd')} required>
                <Field.Label>{t('board.field.newTermEnd', 'New end of term')}</Field.Label>
                <TextInput type="date" value={form.termEnd} onChange={typed('termEnd')} />
                <Field.Error />
              </Field.Root>
            ) : null}
            {action === 'end' ? (
              <>
                <Field.Root name="reason" error={err('reason')} required>
                  <Field.Label>{t('board.field.endReason', 'Why the term ends')}</Field.Label>
                  <SingleSelect value={form.reason} onChange={(v: string | number) => set('reason', String(v))}>
                    {END_REASONS.map((r) => (
                      <SingleSelectOption key={r} value={r}>{label('endReason', r)}</SingleSelectOption>
                    ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
                <Field.Root name="successor" error={err('successor')}>
                  <Field.Label>{t('board.field.successor', 'Successor')}</Field.Label>
                  <SingleSelect value={form.successor} onChange={(v: string | number) => set('successor', String(v))} onClear={() => set('successor', '')} placeholder={t('board.field.noSuccessor', 'None yet')}>
                    {posts
                      .filter((p) => p.documentId !== post?.documentId && ['nominated', 'approved', 'active'].includes(p.postStatus))
                      .map((p) => (
                        <SingleSelectOption key={p.documentId} value={p.documentId}>{p.label ?? p.alumnus?.name ?? p.documentId}</SingleSelectOption>
                      ))}
                  </SingleSelect>
                  <Field.Error />
                </Field.Root>
                <Field.Root name="note" error={err('note')}>
                  <Field.Label>{t('board.field.handoverNote', 'Handover note')}</Field.Label>
                  <Textarea value={form.note} onChange={typed('note')} />
                  <Field.Error />
                </Field.Root>
              </>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('board.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={change.isPending} variant={action === 'reject' || action === 'end' ? 'danger-light' : 'default'}>
            {t(`board.${action}.submit`, action === 'nominate' ? 'Nominate' : action === 'reject' ? 'Reject' : action === 'renew' ? 'Renew' : 'End the term')}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
