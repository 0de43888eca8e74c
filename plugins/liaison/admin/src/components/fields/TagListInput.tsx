import { Box, Field, Flex, Tag, TextButton, TextInput, Typography } from '@strapi/design-system';
import { Cross, Plus } from '@strapi/icons';
import { forwardRef, useMemo, useState, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import { QueryProvider } from '../../api/QueryProvider';
import { useStories } from '../../api/queries';
import { addTags, parseTags, toList } from '../../utils/lists';
import { useT } from '../../utils/labels';

/** The props the Content Manager gives a custom field's input (InputRenderer: the field's layout plus useField). */
export interface CustomFieldInputProps {
  name: string;
  label?: ReactNode;
  hint?: ReactNode;
  labelAction?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  value?: unknown;
  error?: string;
  onChange: (name: string, value: unknown) => void;
  attribute?: { customField?: string; options?: Record<string, unknown> };
}

/** How many tags of other stories are offered at once. */
const OFFERED = 12;

/** The tags already given to stories, offered under the box (the website filters stories by tag, so reuse matters). */
const useKnownTags = () => {
  const stories = useStories();
  return useMemo(() => {
    const count = new Map<string, number>();
    for (const story of stories.data?.results ?? [])
      for (const tag of toList(story.tags)) if (typeof tag === 'string') count.set(tag, (count.get(tag) ?? 0) + 1);
    return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([tag]) => tag);
  }, [stories.data]);
};

/**
 * The story's tags (stored as before: a JSON list of slugs): chips with a remove button, a
 * box that adds what is typed (Enter, a comma, or leaving the box), and the tags other
 * stories use, one click each.
 */
const TagList = forwardRef<HTMLInputElement, CustomFieldInputProps>(
  ({ name, label, hint, labelAction, required, disabled, value, error, onChange }, ref) => {
    const t = useT();
    const tags = toList(value).filter((v): v is string => typeof v === 'string');
    const known = useKnownTags();
    const [text, setText] = useState('');
    const [problem, setProblem] = useState<string | null>(null);

    const add = (input: string) => {
      const { tags: fresh, rejected } = parseTags(input);
      setProblem(
        rejected.length
          ? t('field.tags.invalid', '“{tags}”: a tag has only lower-case letters, digits and hyphens, at most 40 characters', {
              tags: rejected.join('”, “'),
            })
          : null,
      );
      setText(rejected.join(', '));
      if (fresh.length) onChange(name, addTags(tags, fresh));
    };
    const remove = (tag: string) => onChange(name, tags.filter((x) => x !== tag));
    const typed = text.trim().toLowerCase();
    const offered = known.filter((k) => !tags.includes(k) && (!typed || k.includes(typed))).slice(0, OFFERED);

    return (
      <Field.Root
        name={name}
        id={name}
        error={error ?? problem ?? undefined}
        hint={hint || t('field.tags.hint', 'Enter or a comma adds a tag: lower-case letters, digits and hyphens (class-spirit). The website lists stories by tag.')}
        required={required}
      >
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Flex direction="column" alignItems="stretch" gap={2}>
          {tags.length ? (
            <Flex gap={2} wrap="wrap" data-testid={`${name}-chips`}>
              {tags.map((tag) => (
                <Tag
                  key={tag}
                  icon={<Cross aria-hidden />}
                  disabled={disabled}
                  label={t('field.tags.remove', 'Remove the tag {tag}', { tag })}
                  onClick={() => remove(tag)}
                >
                  {tag}
                </Tag>
              ))}
            </Flex>
          ) : null}
          <TextInput
            ref={ref}
            value={text}
            disabled={disabled}
            placeholder={t('field.tags.placeholder', 'Type a tag, then Enter')}
            aria-label={t('field.tags.add', 'Add a tag')}
            onChange={(e: ChangeEvent<HTMLInputElement>) => {
              const v = e.target.value;
              // A comma typed or pasted adds what came before it.
              if (/[,，、;；\n]/.test(v)) add(v);
              else {
                setText(v);
                setProblem(null);
              }
            }}
            onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (text.trim()) add(text);
              }
            }}
            onBlur={() => text.trim() && add(text)}
          />
          {offered.length && !disabled ? (
            <Flex gap={2} wrap="wrap" alignItems="center" data-testid={`${name}-offered`}>
              <Typography variant="pi" textColor="neutral600">
                {t('field.tags.known', 'Used by other stories:')}
              </Typography>
              {offered.map((tag) => (
                <TextButton key={tag} startIcon={<Plus aria-hidden />} onClick={() => add(tag)}>
                  {tag}
                </TextButton>
              ))}
            </Flex>
          ) : null}
        </Flex>
        <Box paddingTop={1}>
          <Field.Hint />
          <Field.Error />
        </Box>
      </Field.Root>
    );
  },
);

/** The input renders in the Content Manager, outside the plugin's pages: it brings their query cache. */
export const TagListInput = forwardRef<HTMLInputElement, CustomFieldInputProps>((props, ref) => (
  <QueryProvider>
    <TagList {...props} ref={ref} />
  </QueryProvider>
));

export default TagListInput;
