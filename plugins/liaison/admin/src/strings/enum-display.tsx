/**
 * The Content Manager shows enumeration values raw (list cells) or looks them up by the
 * bare value (edit-view select, filters), which cannot tell `active` post from `active`
 * chapter. These hooks make all three show `liaison.enum.<field>.<value>`.
 */
import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { enumMessageId } from './enum-labels';
import { adminLocale } from './locale';

type Messages = Record<string, Record<string, string>>;

/** The label of a value in the admin's current language, else the value itself. */
export const labelFor = (messages: Messages, field: string, value: string): string | undefined => {
  const id = enumMessageId(field, value);
  return messages[adminLocale()]?.[id] ?? messages.en?.[id];
};

const EnumCell = ({ field, value }: { field: string; value: unknown }) => {
  const { formatMessage } = useIntl();
  if (value === null || value === undefined || value === '') return <Typography textColor="neutral800">-</Typography>;
  const text = String(value);
  return (
    <Typography textColor="neutral800" ellipsis>
      {formatMessage({ id: enumMessageId(field, text), defaultMessage: text })}
    </Typography>
  );
};

interface EnumInputProps {
  name: string;
  label?: string;
  hint?: React.ReactNode;
  labelAction?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  attribute: { enum: string[] };
}

/** The edit view's select for an enumeration, its options labelled. */
export const EnumInput = React.forwardRef<HTMLDivElement, EnumInputProps>(
  ({ name, label, hint, labelAction, required, disabled, placeholder, attribute }, ref) => {
    const { formatMessage } = useIntl();
    const field = useField<string | null>(name);
    const fieldName = name.split('.').pop() as string;
    return (
      <Field.Root error={field.error} name={name} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <SingleSelect
          ref={ref}
          onChange={(value: string | number) => field.onChange(name, value === '' ? null : String(value))}
          value={field.value as string | null}
          disabled={disabled}
          placeholder={placeholder}
        >
          <SingleSelectOption value="" disabled={required} hidden={required}>
            {formatMessage({ id: 'components.InputSelect.option.placeholder', defaultMessage: 'Choose here' })}
          </SingleSelectOption>
          {attribute.enum.map((value) => (
            <SingleSelectOption key={value} value={value}>
              {formatMessage({ id: enumMessageId(fieldName, value), defaultMessage: value })}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);

/** The filter popover's value input for an enumeration, its options labelled (the chip then shows the label too). */
const FilterEnumInput = ({ name, options = [], ...rest }: { name: string; options?: Array<{ label?: string; value: string } | string>; ['aria-label']?: string }) => {
  const { formatMessage } = useIntl();
  const field = useField<string | null>(name);
  return (
    <Field.Root error={field.error} name={name}>
      <SingleSelect
        aria-label={rest['aria-label']}
        onChange={(value: string | number) => field.onChange(name, String(value))}
        value={field.value ?? ''}
        placeholder={formatMessage({ id: 'components.InputSelect.option.placeholder', defaultMessage: 'Choose here' })}
      >
        {options.map((option) => {
          const value = typeof option === 'string' ? option : option.value;
          const label = typeof option === 'string' ? option : option.label ?? option.value;
          return (
            <SingleSelectOption key={value} value={value}>
              {label}
            </SingleSelectOption>
          );
        })}
      </SingleSelect>
    </Field.Root>
  );
};

/** The content type of the list being shown (the filters hook is not told). */
const currentModel = () => /\/content-manager\/(?:collection|single)-types\/([^/?#]+)/.exec(window.location.pathname)?.[1];

type Header = { name: string; attribute?: { type?: string }; cellFormatter?: unknown };
type Filter = {
  name: string;
  type?: string;
  label?: unknown;
  input?: unknown;
  options?: Array<{ label?: string; value: string } | string>;
};

export const registerEnumDisplay = (app: any, messages: Messages) => {
  app.addFields({ type: 'enumeration', Component: EnumInput });

  app.registerHook(
    'Admin/CM/pages/ListView/inject-column-in-table',
    ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
      layout,
      displayedHeaders: displayedHeaders.map((header) =>
        header.attribute?.type === 'enumeration' && typeof header.cellFormatter !== 'function'
          ? {
              ...header,
              cellFormatter: (row: Record<string, unknown>) => <EnumCell field={header.name} value={row[header.name]} />,
            }
          : header
      ),
    })
  );

  app.registerHook(
    'Admin/CM/pages/ListView/inject-in-filters',
    ({ displayedFilters, layout }: { displayedFilters: Filter[]; layout: unknown }) => ({
      layout,
      displayedFilters: displayedFilters.map((original) => {
        let filter = original;
        const model = currentModel();
        // The field's name as the edit view shows it (Strapi shows the attribute name).
        if (model && typeof filter.label === 'string' && !['id', 'documentId', '__status'].includes(filter.name)) {
          const id = `content-manager.content-types.${decodeURIComponent(model)}.${filter.name}`;
          if (messages.en?.[id]) filter = { ...filter, label: { id, defaultMessage: filter.label } };
        }
        if (filter.type === 'enumeration' && filter.name !== '__status' && Array.isArray(filter.options) && !filter.input) {
          filter = {
            ...filter,
            input: FilterEnumInput,
            options: filter.options.map((option) => {
              const value = typeof option === 'string' ? option : option.value;
              const label = typeof option === 'string' ? option : option.label;
              return { value, label: labelFor(messages, filter.name, value) ?? label ?? value };
            }),
          };
        }
        return filter;
      }),
    })
  );
};
