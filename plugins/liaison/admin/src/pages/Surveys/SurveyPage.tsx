import { Box, Button, DateTimePicker, Dialog, Field, Flex, ProgressBar, Tabs, Textarea, TextInput, Typography } from '@strapi/design-system';
import { ArrowLeft, Mail } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { lazy, Suspense, useEffect, useState, type ChangeEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { useIntl } from 'react-intl';
import type { SurveyDetail, SurveyQuestionDef, SurveyScopeRef } from '../../../../server/src/admin-api-types';
import { fieldErrorsOf, useErrorMessage } from '../../api/errors';
import { useT } from '../../utils/labels';
import { useSaveSurvey, useSendSurvey, useSurvey, type SurveyDraft } from './api';
import { QuestionsEditor } from './QuestionsEditor';
import { ScopesPicker } from './ScopesPicker';
import { MANAGE, StatusBadge } from './SurveysPage';

// The charts (recharts) load with the results tab only.
const SurveyResultsView = lazy(() => import('./SurveyResults'));

interface Form {
  title: string;
  titleEn: string;
  intro: string;
  introEn: string;
  opensAt: string | null;
  closesAt: string | null;
  questions: SurveyQuestionDef[];
  scopes: SurveyScopeRef[];
}

const EMPTY: Form = { title: '', titleEn: '', intro: '', introEn: '', opensAt: null, closesAt: null, questions: [], scopes: [] };

const formOf = (s: SurveyDetail): Form => ({
  title: s.title,
  titleEn: s.titleEn ?? '',
  intro: s.intro ?? '',
  introEn: s.introEn ?? '',
  opensAt: s.opensAt,
  closesAt: s.closesAt,
  questions: s.questions,
  scopes: s.scopes,
});

const draftOf = (f: Form): SurveyDraft => ({
  title: f.title,
  titleEn: f.titleEn || null,
  intro: f.intro || null,
  introEn: f.introEn || null,
  opensAt: f.opensAt,
  closesAt: f.closesAt,
  questions: f.questions,
  scopes: f.scopes.map((s) => ({ kind: s.kind, documentId: s.documentId })),
});

/** A survey: its editor (a draft; once sent, its close date), sending with progress, its results. */
export const SurveyPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { documentId: param } = useParams<{ documentId: string }>();
  const documentId = param && param !== 'new' ? param : undefined;
  const survey = useSurvey(documentId);
  const save = useSaveSurvey();
  const send = useSendSurvey();
  const { allowedActions } = useRBAC(MANAGE);
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirm, setConfirm] = useState(false);
  const [tab, setTab] = useState('survey');

  useEffect(() => {
    if (survey.data) setForm(formOf(survey.data));
  }, [survey.data?.documentId, survey.data?.updatedAt]);

  const data = survey.data;
  const draft = !data || data.status === 'draft';
  const editable = allowedActions.canManage && (!data || data.editable);
  const sending = data?.sending?.status === 'running';
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const intl = useIntl();
  const title = data ? (intl.locale.startsWith('zh') ? data.title : data.titleEn || data.title) : t('surveys.new', 'New survey');

  const submit = async () => {
    setErrors({});
    try {
      const saved = await save.mutateAsync({ documentId, draft: draft ? draftOf(form) : { closesAt: form.closesAt } });
      toggleNotification({ type: 'success', message: t('surveys.saved', 'Saved') });
      if (!documentId) navigate(`/plugins/liaison/surveys/${saved.documentId}`, { replace: true });
      return true;
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toggleNotification({ type: 'danger', message: messageOf(error) });
      return false;
    }
  };

  const sendNow = async () => {
    setConfirm(false);
    if (!documentId) return;
    if (draft && !(await submit())) return;
    try {
      await send.mutateAsync(documentId);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };

  const text = (name: 'title' | 'titleEn', label: string) => (
    <Field.Root name={name} error={errors[name]} required={name === 'title'}>
      <Field.Label>{label}</Field.Label>
      <TextInput value={form[name]} disabled={!editable || !draft} onChange={(e: ChangeEvent<HTMLInputElement>) => set({ [name]: e.target.value })} />
      <Field.Error />
    </Field.Root>
  );
  const area = (name: 'intro' | 'introEn', label: string) => (
    <Field.Root name={name} error={errors[name]}>
      <Field.Label>{label}</Field.Label>
      <Textarea value={form[name]} disabled={!editable || !draft} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => set({ [name]: e.target.value })} />
      <Field.Error />
    </Field.Root>
  );
  const moment = (name: 'opensAt' | 'closesAt', label: string, enabled: boolean) => (
    <Field.Root name={name} error={errors[name]}>
      <Field.Label>{label}</Field.Label>
      <DateTimePicker
        value={form[name] ? new Date(form[name] as string) : null}
        disabled={!enabled}
        onChange={(d: Date | undefined) => set({ [name]: d ? d.toISOString() : null })}
        onClear={() => set({ [name]: null })}
      />
      <Field.Error />
    </Field.Root>
  );

  const editor = (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} alignItems="flex-start">
            <Box flex="1">{text('title', t('surveys.field.title', 'Title (Chinese)'))}</Box>
            <Box flex="1">{text('titleEn', t('surveys.field.titleEn', 'Title (English)'))}</Box>
          </Flex>
          <Flex gap={4} alignItems="flex-start">
            <Box flex="1">{area('intro', t('surveys.field.intro', 'Introduction (Chinese)'))}</Box>
            <Box flex="1">{area('introEn', t('surveys.field.introEn', 'Introduction (English)'))}</Box>
          </Flex>
          <Flex gap={4} alignItems="flex-start">
            <Box flex="1">{moment('opensAt', t('surveys.field.opensAt', 'Opens at'), editable && draft)}</Box>
            <Box flex="1">{moment('closesAt', t('surveys.field.closesAt', 'Closes at'), editable)}</Box>
          </Flex>
        </Flex>
      </Box>
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
        <ScopesPicker scopes={form.scopes} onChange={(scopes) => set({ scopes })} error={errors.scopes} disabled={!editable || !draft} />
      </Box>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="delta" tag="h2">
          {t('surveys.questions', 'Questions')}
        </Typography>
        {errors.questions && (
          <Typography textColor="danger600" variant="pi">
            {errors.questions}
          </Typography>
        )}
        <QuestionsEditor questions={form.questions} onChange={(questions) => set({ questions })} errors={errors} disabled={!editable || !draft} />
      </Flex>
    </Flex>
  );

  return (
    <Page.Main aria-busy={survey.isFetching || save.isPending}>
      <Page.Title>{t('surveys.title', 'Surveys')}</Page.Title>
      <Layouts.Header
        title={title}
        navigationAction={
          <Button tag={RouterLink} to="/plugins/liaison/surveys" variant="ghost" startIcon={<ArrowLeft />}>
            {t('surveys.back', 'All surveys')}
          </Button>
        }
        subtitle={
          data ? (
            <Flex tag="span" gap={2}>
              <StatusBadge status={data.status} />
            </Flex>
          ) : undefined
        }
        primaryAction={
          editable ? (
            <Flex gap={2}>
              <Button variant="secondary" onClick={submit} loading={save.isPending}>
                {t('surveys.save', 'Save')}
              </Button>
              {documentId && data?.status !== 'closed' && (
                <Button startIcon={<Mail />} onClick={() => setConfirm(true)} loading={send.isPending || sending} disabled={sending}>
                  {draft ? t('surveys.send', 'Send') : t('surveys.sendNew', 'Send to newcomers')}
                </Button>
              )}
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {data?.sending && (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="sending">
              <Typography tag="p">
                {data.sending.status === 'running'
                  ? t('surveys.sending.running', 'Sending: {invited} of {total} invited', { invited: data.sending.invited, total: data.sending.total })
                  : data.sending.status === 'done'
                    ? t('surveys.sending.done', 'Sent: {invited} new invitations ({total} found)', { invited: data.sending.invited, total: data.sending.total })
                    : t('surveys.sending.failed', 'Sending failed: {error}', { error: data.sending.error ?? '' })}
              </Typography>
              {data.sending.status === 'running' && (
                <ProgressBar value={data.sending.total ? (100 * data.sending.invited) / data.sending.total : 0} />
              )}
              <Typography variant="pi" textColor="neutral600">
                {t('surveys.answeredOf', '{answered} of {invited}', { answered: data.answered, invited: data.invited })}
              </Typography>
            </Box>
          )}
          {data && !draft ? (
            <Tabs.Root variant="simple" value={tab} onValueChange={setTab}>
              <Tabs.List aria-label={title}>
                <Tabs.Trigger value="survey">{t('surveys.tab.survey', 'Survey')}</Tabs.Trigger>
                <Tabs.Trigger value="results">{t('surveys.tab.results', 'Results')}</Tabs.Trigger>
              </Tabs.List>
              <Tabs.Content value="survey">
                <Box paddingTop={4}>{editor}</Box>
              </Tabs.Content>
              <Tabs.Content value="results">
                <Box paddingTop={4}>
                  <Suspense fallback={<Typography textColor="neutral600">{t('surveys.loading', 'Loading…')}</Typography>}>
                    {tab === 'results' && <SurveyResultsView documentId={data.documentId} />}
                  </Suspense>
                </Box>
              </Tabs.Content>
            </Tabs.Root>
          ) : (
            editor
          )}
        </Flex>
      </Layouts.Content>
      <Dialog.Root open={confirm} onOpenChange={(o: boolean) => setConfirm(o)}>
        <Dialog.Content>
          <Dialog.Header>{t('surveys.send.title', 'Send the survey?')}</Dialog.Header>
          <Dialog.Body>
            <Typography>
              {t('surveys.send.body', 'Each alumnus of the chosen scopes who consented to be contacted gets their own link by e-mail. Those invited before are not mailed again. Once sent, only the close date can change.')}
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('surveys.cancel', 'Cancel')}</Button>
            </Dialog.Cancel>
            <Dialog.Action>
              <Button onClick={sendNow}>{t('surveys.send', 'Send')}</Button>
            </Dialog.Action>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Page.Main>
  );
};
