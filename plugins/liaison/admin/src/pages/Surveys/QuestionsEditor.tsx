import { Box, Button, Checkbox, Field, Flex, IconButton, NumberInput, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import type { ChangeEvent } from 'react';
import type { SurveyQuestionDef, SurveyQuestionKind } from '../../../../server/src/admin-api-types';
import { useT } from '../../utils/labels';

export const KINDS: SurveyQuestionKind[] = ['single', 'multiple', 'text', 'number'];
const isChoice = (k: SurveyQuestionKind) => k === 'single' || k === 'multiple';

const blankLabel = () => ({ en: '', 'zh-Hans': '' });
export const newQuestion = (n: number): SurveyQuestionDef => ({
  key: `q${n}`,
  kind: 'single',
  label: blankLabel(),
  options: [
    { key: 'a', label: blankLabel() },
    { key: 'b', label: blankLabel() },
  ],
  required: false,
});

/** A text field named by its path, showing the server's message for that path. */
const Text = ({ name, label, value, errors, disabled, onChange }: { name: string; label: string; value: string; errors: Record<string, string>; disabled: boolean; onChange: (v: string) => void }) => (
  <Field.Root name={name} error={errors[name]}>
    <Field.Label>{label}</Field.Label>
    <TextInput value={value} disabled={disabled} onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
    <Field.Error />
  </Field.Root>
);

/** The questions of a survey: kinds, labels and options in both languages, required, a number's range. */
export const QuestionsEditor = ({
  questions,
  onChange,
  errors,
  disabled,
}: {
  questions: SurveyQuestionDef[];
  onChange: (q: SurveyQuestionDef[]) => void;
  errors: Record<string, string>;
  disabled: boolean;
}) => {
  const t = useT();
  const change = (i: number, patch: Partial<SurveyQuestionDef>) => onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const setKind = (i: number, kind: SurveyQuestionKind) => {
    const q = questions[i];
    const options = isChoice(kind) ? (q.options.length >= 2 ? q.options : newQuestion(i + 1).options) : [];
    const { min: _min, max: _max, ...rest } = q;
    onChange(questions.map((x, j) => (j === i ? { ...(kind === 'number' ? q : rest), kind, options } : x)));
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {questions.map((q, i) => {
        const p = `questions[${i}]`;
        return (
          <Box key={i} background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="question">
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex justifyContent="space-between">
                <Typography variant="delta" tag="h3">
                  {t('surveys.question.number', 'Question {n}', { n: i + 1 })}
                </Typography>
                {!disabled && (
                  <IconButton label={t('surveys.question.remove', 'Remove the question')} onClick={() => onChange(questions.filter((_, j) => j !== i))}>
                    <Trash />
                  </IconButton>
                )}
              </Flex>
              <Flex gap={3} alignItems="flex-start" wrap="wrap">
                <Box style={{ width: 160 }}>
                  <Text name={`${p}.key`} label={t('surveys.question.key', 'Key')} value={q.key} errors={errors} disabled={disabled} onChange={(key) => change(i, { key })} />
                </Box>
                <Box style={{ width: 220 }}>
                  <Field.Root name={`${p}.kind`} error={errors[`${p}.kind`]}>
                    <Field.Label>{t('surveys.question.kind', 'Kind')}</Field.Label>
                    <SingleSelect value={q.kind} disabled={disabled} onChange={(v: string | number) => setKind(i, String(v) as SurveyQuestionKind)}>
                      {KINDS.map((k) => (
                        <SingleSelectOption key={k} value={k}>
                          {t(`surveys.kind.${k}`, k)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Box>
                <Box paddingTop={6}>
                  <Checkbox checked={q.required} disabled={disabled} onCheckedChange={(c: boolean) => change(i, { required: !!c })}>
                    {t('surveys.question.required', 'Required')}
                  </Checkbox>
                </Box>
              </Flex>
              <Flex gap={3} alignItems="flex-start">
                <Box flex="1">
                  <Text name={`${p}.label.zh-Hans`} label={t('surveys.question.labelZh', 'Question (Chinese)')} value={q.label['zh-Hans']} errors={errors} disabled={disabled} onChange={(v) => change(i, { label: { ...q.label, 'zh-Hans': v } })} />
                </Box>
                <Box flex="1">
                  <Text name={`${p}.label.en`} label={t('surveys.question.labelEn', 'Question (English)')} value={q.label.en} errors={errors} disabled={disabled} onChange={(v) => change(i, { label: { ...q.label, en: v } })} />
                </Box>
              </Flex>
              {q.kind === 'number' && (
                <Flex gap={3} alignItems="flex-start">
                  {(['min', 'max'] as const).map((bound) => (
                    <Box key={bound} style={{ width: 160 }}>
                      <Field.Root name={`${p}.${bound}`} error={errors[`${p}.${bound}`]}>
                        <Field.Label>{t(`surveys.question.${bound}`, bound)}</Field.Label>
                        <NumberInput value={q[bound]} disabled={disabled} onValueChange={(v: number | undefined) => change(i, { [bound]: v })} />
                        <Field.Error />
                      </Field.Root>
                    </Box>
                  ))}
                </Flex>
              )}
              {isChoice(q.kind) && (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Typography variant="sigma">{t('surveys.question.options', 'Options')}</Typography>
                  {errors[`${p}.options`] && (
                    <Typography textColor="danger600" variant="pi">
                      {errors[`${p}.options`]}
                    </Typography>
                  )}
                  {q.options.map((o, k) => {
                    const op = `${p}.options[${k}]`;
                    const setOption = (patch: Partial<typeof o>) => change(i, { options: q.options.map((x, m) => (m === k ? { ...x, ...patch } : x)) });
                    return (
                      <Flex key={k} gap={2} alignItems="flex-end" data-testid="option">
                        <Box style={{ width: 120 }}>
                          <Text name={`${op}.key`} label={t('surveys.option.key', 'Key')} value={o.key} errors={errors} disabled={disabled} onChange={(key) => setOption({ key })} />
                        </Box>
                        <Box flex="1">
                          <Text name={`${op}.label.zh-Hans`} label={t('surveys.option.labelZh', 'Option (Chinese)')} value={o.label['zh-Hans']} errors={errors} disabled={disabled} onChange={(v) => setOption({ label: { ...o.label, 'zh-Hans': v } })} />
                        </Box>
                        <Box flex="1">
                          <Text name={`${op}.label.en`} label={t('surveys.option.labelEn', 'Option (English)')} value={o.label.en} errors={errors} disabled={disabled} onChange={(v) => setOption({ label: { ...o.label, en: v } })} />
                        </Box>
                        {!disabled && (
                          <IconButton label={t('surveys.option.remove', 'Remove the option')} onClick={() => change(i, { options: q.options.filter((_, m) => m !== k) })}>
                            <Trash />
                          </IconButton>
                        )}
                      </Flex>
                    );
                  })}
                  {!disabled && (
                    <Box>
                      <Button
                        variant="tertiary"
                        startIcon={<Plus />}
                        onClick={() => change(i, { options: [...q.options, { key: String.fromCharCode(97 + (q.options.length % 26)) + (q.options.length >= 26 ? q.options.length : ''), label: blankLabel() }] })}
                      >
                        {t('surveys.option.add', 'Add an option')}
                      </Button>
                    </Box>
                  )}
                </Flex>
              )}
            </Flex>
          </Box>
        );
      })}
      {!disabled && (
        <Box>
          <Button variant="secondary" startIcon={<Plus />} onClick={() => onChange([...questions, newQuestion(questions.length + 1)])}>
            {t('surveys.question.add', 'Add a question')}
          </Button>
        </Box>
      )}
    </Flex>
  );
};
