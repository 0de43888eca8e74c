import { Box, Button, Field, Flex, Tag, TextInput } from '@strapi/design-system';
import { Cross, Plus } from '@strapi/icons';
import { forwardRef, useState } from 'react';
import { addYear, MAX_YEAR, MIN_YEAR, parseYear, toList } from '../../utils/lists';
import { useT } from '../../utils/labels';
import type { CustomFieldInputProps } from './TagListInput';

/**
 * The story's cohort years (stored as before: a JSON list of graduation years): chips with a
 * remove button, and a number box whose year is added with Enter or the button, once, in order.
 */
export const YearListInput = forwardRef<HTMLInputElement, CustomFieldInputProps>(
  ({ name, label, hint, labelAction, required, disabled, value, error, onChange }, ref) => {
    const t = useT();
    const years = toList(value).filter((v): v is number => typeof v === 'number');
    // Typed as text: a number box would show 2006 as "2,006".
    const [draft, setDraft] = useState('');
    const [problem, setProblem] = useState<string | null>(null);

    const add = () => {
      if (!draft.trim()) return;
      const year = parseYear(draft);
      if (year === null) {
        setProblem(t('field.years.invalid', 'A graduation year from {min} to {max}', { min: MIN_YEAR, max: MAX_YEAR }));
        return;
      }
      setProblem(null);
      setDraft('');
      onChange(name, addYear(years, year));
    };
    const remove = (year: number) => onChange(name, years.filter((y) => y !== year));

    return (
      <Field.Root
        name={name}
        id={name}
        error={error ?? problem ?? undefined}
        hint={hint || t('field.years.hint', 'The graduation years of the alumni in the story; the website lists stories by year.')}
        required={required}
      >
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Flex direction="column" alignItems="stretch" gap={2}>
          {years.length ? (
            <Flex gap={2} wrap="wrap" data-testid={`${name}-chips`}>
              {years.map((year) => (
                <Tag
                  key={year}
                  icon={<Cross aria-hidden />}
                  disabled={disabled}
                  label={t('field.years.remove', 'Remove the year {year}', { year })}
                  onClick={() => remove(year)}
                >
                  {String(year)}
                </Tag>
              ))}
            </Flex>
          ) : null}
          <Flex gap={2} alignItems="flex-start">
            <Box style={{ width: 160 }}>
              <TextInput
                ref={ref}
                value={draft}
                disabled={disabled}
                inputMode="numeric"
                maxLength={4}
                placeholder={t('field.years.placeholder', 'e.g. 2006')}
                aria-label={t('field.years.add', 'Add a year')}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                  setDraft(e.target.value.replace(/\D/g, ''));
                  setProblem(null);
                }}
                onKeyDown={(e: React.KeyboardEvent<HTMLInputElement>) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
              />
            </Box>
            <Button variant="secondary" startIcon={<Plus />} disabled={disabled || !draft.trim()} onClick={add} size="L">
              {t('field.years.addButton', 'Add')}
            </Button>
          </Flex>
        </Flex>
        <Box paddingTop={1}>
          <Field.Hint />
          <Field.Error />
        </Box>
      </Field.Root>
    );
  },
);

export default YearListInput;
