import { useEffect, useState } from 'react';
import { Box, Button, Field, Flex, Grid, NumberInput, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { FeedbackKind, FeedbackSettings } from '../../../../server/src/admin-api-types';
import { fieldErrorsOf, useErrorMessage } from '../../api/errors';
import { useT } from '../../utils/labels';
import { useFeedbackSettings, useSaveFeedbackSettings } from './api';

export const KINDS: FeedbackKind[] = ['career_help', 'cooperation', 'suggestion', 'complaint', 'data_correction', 'other'];

const days = (text: string) => text.split(/[\s,，;；]+/).map((s) => s.trim()).filter(Boolean);

/** Working days to answer per kind, the public holidays and make-up working days, when to escalate. */
export const SettingsPanel = ({ canManage: mayManageFeedback }: { canManage: boolean }) => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const answer = useFeedbackSettings();
  const settings = { data: answer.data?.data };
  // College Staff manage their colleges' feedback, but the deadlines and the calendar are the office's.
  const canManage = mayManageFeedback && !!answer.data?.meta.editable;
  const save = useSaveFeedbackSettings();
  const [form, setForm] = useState<{ deadlines: Record<string, number | undefined>; holidays: string; workdays: string; escalateAfterDays: number | undefined } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (settings.data && !form) {
      setForm({ deadlines: { ...settings.data.deadlines }, holidays: settings.data.holidays.join('\n'), workdays: settings.data.workdays.join('\n'), escalateAfterDays: settings.data.escalateAfterDays });
    }
  }, [settings.data, form]);
  if (!form) return null;
  const submit = async () => {
    setErrors({});
    try {
      await save.mutateAsync({
        deadlines: form.deadlines as FeedbackSettings['deadlines'],
        holidays: days(form.holidays),
        workdays: days(form.workdays),
        escalateAfterDays: form.escalateAfterDays as number,
      });
      toggleNotification({ type: 'success', message: t('feedback.settings.saved', 'Settings saved.') });
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(fields);
      toggleNotification({ type: 'danger', message: messageOf(e) });
    }
  };
  const errorOf = (prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}[`) || k.startsWith(`${prefix}.`))?.[1];
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="feedback-settings">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">{t('feedback.settings.title', 'Deadlines and calendar')}</Typography>
        <Typography variant="pi" textColor="neutral600">
          {t('feedback.settings.help', 'Working days to answer each kind (Monday to Friday, without the listed public holidays, with the listed make-up working days).')}
        </Typography>
        <Grid.Root gap={4}>
          {KINDS.map((k) => (
            <Grid.Item key={k} col={4} s={6} xs={12}>
              <Field.Root name={`deadlines.${k}`} error={errorOf(`deadlines.${k}`)} style={{ width: '100%' }}>
                <Field.Label>{t(`feedback.kind.${k}`, k)}</Field.Label>
                <NumberInput
                  value={form.deadlines[k]}
                  disabled={!canManage}
                  onValueChange={(v: number | undefined) => setForm({ ...form, deadlines: { ...form.deadlines, [k]: v } })}
                />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
          ))}
          <Grid.Item col={6} xs={12}>
            <Field.Root name="holidays" error={errorOf('holidays')} hint={t('feedback.settings.daysHint', 'One day per line, written yyyy-MM-dd')} style={{ width: '100%' }}>
              <Field.Label>{t('feedback.settings.holidays', 'Public holidays')}</Field.Label>
              <Textarea value={form.holidays} disabled={!canManage} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, holidays: e.target.value })} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} xs={12}>
            <Field.Root name="workdays" error={errorOf('workdays')} hint={t('feedback.settings.daysHint', 'One day per line, written yyyy-MM-dd')} style={{ width: '100%' }}>
              <Field.Label>{t('feedback.settings.workdays', 'Make-up working days (调休)')}</Field.Label>
              <Textarea value={form.workdays} disabled={!canManage} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setForm({ ...form, workdays: e.target.value })} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={4} s={6} xs={12}>
            <Field.Root name="escalateAfterDays" error={errorOf('escalateAfterDays')} hint={t('feedback.settings.escalateHint', 'Working days after the deadline before the college staff or the office are told')} style={{ width: '100%' }}>
              <Field.Label>{t('feedback.settings.escalate', 'Escalate after (working days)')}</Field.Label>
              <NumberInput value={form.escalateAfterDays} disabled={!canManage} onValueChange={(v: number | undefined) => setForm({ ...form, escalateAfterDays: v })} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
        {mayManageFeedback && answer.data && !answer.data.meta.editable ? (
          <Typography variant="pi" textColor="neutral600" data-testid="feedback-settings-office-only">
            {t('feedback.settings.officeOnly', 'The alumni office sets the deadlines and the calendar.')}
          </Typography>
        ) : null}
        {canManage ? (
          <Flex justifyContent="flex-end">
            <Button onClick={submit} loading={save.isPending}>{t('feedback.settings.save', 'Save settings')}</Button>
          </Flex>
        ) : null}
      </Flex>
    </Box>
  );
};
