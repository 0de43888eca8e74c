import { useState } from 'react';
import { Box, Button, Combobox, ComboboxOption, Field, Flex, Modal, Radio, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { FeedbackItem } from '../../../../server/src/admin-api-types';
import { fieldErrorsOf, useErrorMessage } from '../../api/errors';
import { useT } from '../../utils/labels';
import { useAnswerFeedback, usePostOptions, useReassignFeedback } from './api';

const ErrorBox = ({ message }: { message: string | null }) =>
  message ? (
    <Box background="danger100" padding={3} hasRadius>
      <Typography textColor="danger700" role="alert">{message}</Typography>
    </Box>
  ) : null;

/** The office answers an item routed to it; the sender is mailed the answer. */
export const AnswerDialog = ({ item, onClose }: { item: FeedbackItem; onClose: () => void }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const answer = useAnswerFeedback();
  const [text, setText] = useState('');
  const [error, setError] = useState<{ message: string | null; fields: Record<string, string> }>({ message: null, fields: {} });
  const submit = async () => {
    try {
      await answer.mutateAsync({ documentId: item.documentId, answer: text });
      toggleNotification({ type: 'success', message: t('feedback.answer.done', 'Answered: the sender is told by e-mail.') });
      onClose();
    } catch (e) {
      setError({ message: messageOf(e), fields: fieldErrorsOf(e) });
    }
  };
  return (
    <Modal.Root open onOpenChange={(o: boolean) => !o && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('feedback.answer.title', 'Answer for the office')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ErrorBox message={error.message} />
            <Typography tag="p" textColor="neutral700">{item.content}</Typography>
            <Field.Root name="answer" error={error.fields.answer} required>
              <Field.Label>{t('feedback.answer.field', 'Answer')}</Field.Label>
              <Textarea value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('feedback.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={answer.isPending}>{t('feedback.answer.send', 'Send the answer')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/** Moves an unanswered item to another live post, or to the office. */
export const ReassignDialog = ({ item, onClose }: { item: FeedbackItem; onClose: () => void }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const reassign = useReassignFeedback();
  const [target, setTarget] = useState<'post' | 'office'>(item.responsible === 'office' ? 'post' : 'office');
  const [search, setSearch] = useState('');
  const [post, setPost] = useState<string | undefined>();
  const posts = usePostOptions(search);
  const [error, setError] = useState<{ message: string | null; fields: Record<string, string> }>({ message: null, fields: {} });
  const submit = async () => {
    try {
      await reassign.mutateAsync({ documentId: item.documentId, target: target === 'office' ? { office: true } : { post: post ?? '' } });
      toggleNotification({ type: 'success', message: t('feedback.reassign.done', 'Reassigned.') });
      onClose();
    } catch (e) {
      setError({ message: messageOf(e), fields: fieldErrorsOf(e) });
    }
  };
  return (
    <Modal.Root open onOpenChange={(o: boolean) => !o && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t('feedback.reassign.title', 'Reassign')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ErrorBox message={error.message} />
            <Radio.Group aria-label={t('feedback.reassign.to', 'To')} value={target} onValueChange={(v: string) => setTarget(v as 'post' | 'office')}>
              <Radio.Item value="post">{t('feedback.reassign.toPost', 'A liaison post')}</Radio.Item>
              <Radio.Item value="office">{t('feedback.reassign.toOffice', 'The office')}</Radio.Item>
            </Radio.Group>
            {target === 'post' ? (
              <Field.Root name="post" error={error.fields.post} required>
                <Field.Label>{t('feedback.reassign.post', 'Active post')}</Field.Label>
                <Combobox
                  value={post}
                  onChange={(v: string) => setPost(v)}
                  onInputChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
                  loading={posts.isLoading}
                  placeholder={t('feedback.reassign.search', 'Search a post by name')}
                >
                  {(posts.data ?? []).map((p) => (
                    <ComboboxOption key={p.documentId} value={p.documentId}>{p.label}</ComboboxOption>
                  ))}
                </Combobox>
                <Field.Error />
              </Field.Root>
            ) : null}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('feedback.cancel', 'Cancel')}</Button>
          </Modal.Close>
          <Button onClick={submit} loading={reassign.isPending}>{t('feedback.reassign.submit', 'Reassign')}</Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
