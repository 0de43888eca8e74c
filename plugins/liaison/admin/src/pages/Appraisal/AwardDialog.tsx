import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useEffect, useState, type ChangeEvent } from 'react';
import { HONOUR_KINDS, KINDS_WITH_AMOUNT, type HonourKind } from '../../api/appraisal';
import { useErrorMessage } from '../../api/errors';
import { useNominateHonours } from '../../api/mutations';
import { useEligible } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';
import { GradeBadge } from './ResultsTable';

/** Nominates an honour for the eligible liaisons ticked, all at once (the committee then approves; the nominations follow). */
export const AwardDialog = ({ cycle, onClose, onDone }: { cycle: string; onClose: () => void; onDone: () => void }) => {
  const t = useT();
  const label = useEnumLabel();
  const nomination = useNominateHonours();
  const messageOf = useErrorMessage();
  const { toggleNotification } = useNotification();
  const [kind, setKind] = useState<HonourKind>('title');
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState<number | undefined>(undefined);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const eligible = useEligible(cycle, kind);
  useEffect(() => setPicked(new Set()), [kind]);
  const open = (eligible.data?.data ?? []).filter((e) => !e.nominated);

  const submit = async () => {
    setError(null);
    try {
      const nominated = await nomination.mutateAsync({
        cycle,
        kind,
        title,
        ...(KINDS_WITH_AMOUNT.includes(kind) ? { amount } : {}),
        alumni: [...picked],
      });
      toggleNotification({
        type: 'success',
        message: t('appraisal.award.done', '{n} nominated: the committee decides next', { n: nominated.length }),
      });
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <Modal.Root open onOpenChange={(o: boolean) => !o && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('appraisal.award.title', 'Award honours to eligible liaisons')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="kind" required>
              <Field.Label>{t('appraisal.award.kind', 'Honour')}</Field.Label>
              <SingleSelect value={kind} onChange={(v: string | number) => setKind(String(v) as HonourKind)}>
                {HONOUR_KINDS.map((k) => (
                  <SingleSelectOption key={k} value={k}>
                    {label('kind', k)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="title" required>
              <Field.Label>{t('appraisal.award.name', 'Name of the honour')}</Field.Label>
              <TextInput value={title} onChange={(e: ChangeEvent<HTMLInputElement>) => setTitle(e.target.value)} />
            </Field.Root>
            {KINDS_WITH_AMOUNT.includes(kind) ? (
              <Field.Root name="amount" required>
                <Field.Label>{t('appraisal.award.amount', 'Amount (yuan)')}</Field.Label>
                <NumberInput value={amount} onValueChange={(v: number | undefined) => setAmount(v)} />
              </Field.Root>
            ) : null}
            <Box>
              <Typography variant="sigma" tag="p">
                {t('appraisal.award.eligible', 'Eligible ({n})', {
                  n: open.length,
                })}
              </Typography>
              {open.length === 0 && !eligible.isFetching ? (
                <Typography tag="p" textColor="neutral600">
                  {t('appraisal.award.none', 'Nobody else is eligible for this honour in this cycle.')}
                </Typography>
              ) : null}
              <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2} data-testid="eligible">
                {open.map((e) => (
                  <Flex key={e.alumnus.documentId} gap={2}>
                    <Checkbox
                      checked={picked.has(e.alumnus.documentId)}
                      onCheckedChange={(checked: boolean) =>
                        setPicked((p) => {
                          const next = new Set(p);
                          if (checked) next.add(e.alumnus.documentId);
                          else next.delete(e.alumnus.documentId);
                          return next;
                        })
                      }
                    >
                      {e.alumnus.name}
                    </Checkbox>
                    <GradeBadge grade={e.grade} />
                    <Typography variant="pi" textColor="neutral600">
                      {e.post?.label ?? ''}
                    </Typography>
                  </Flex>
                ))}
              </Flex>
            </Box>
            {error ? (
              <Typography textColor="danger600" role="alert">
                {error}
              </Typography>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('appraisal.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={nomination.isPending} disabled={!picked.size || !title.trim()}>
            {t('appraisal.award.submit', 'Nominate {n}', { n: picked.size })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
