import { Box, Button, Flex, Field, NumberInput, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/client';
import { useT } from '../../utils/labels';

export interface BoardFilters {
  college?: string;
  yearFrom?: string;
  yearTo?: string;
  country?: string;
  province?: string;
  sector?: string;
}

const FIELDS = ['college', 'yearFrom', 'yearTo', 'country', 'province', 'sector'] as const;

/** Filters of the board: college, graduation years, country/province, sector. Applied with a button, kept in the URL. */
export const Filters = ({ value, onApply }: { value: BoardFilters; onApply: (f: BoardFilters) => void }) => {
  const t = useT();
  const [draft, setDraft] = useState<BoardFilters>(value);
  useEffect(() => setDraft(value), [JSON.stringify(value)]);
  const colleges = useApi<{ results: { documentId: string; name: string }[] }>(
    '/content-manager/collection-types/plugin::liaison.college?page=1&pageSize=100&sort=name:ASC'
  );
  const set = (key: keyof BoardFilters, v: string | undefined) => setDraft((d) => ({ ...d, [key]: v || undefined }));
  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" padding={4}>
      <Flex gap={3} wrap="wrap" alignItems="flex-end">
        <Box style={{ minWidth: 220 }}>
          <Field.Root name="college">
            <Field.Label>{t('board.filter.college', 'College')}</Field.Label>
            <SingleSelect
              value={draft.college ?? ''}
              onChange={(v: string | number) => set('college', String(v))}
              onClear={() => set('college', undefined)}
              placeholder={t('board.filter.all', 'All')}
            >
              {(colleges.data?.results ?? []).map((c) => (
                <SingleSelectOption key={c.documentId} value={c.documentId}>{c.name}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        {(['yearFrom', 'yearTo'] as const).map((key) => (
          <Box key={key} style={{ width: 130 }}>
            <Field.Root name={key}>
              <Field.Label>{t(`board.filter.${key}`, key === 'yearFrom' ? 'Graduated from' : 'Graduated until')}</Field.Label>
              <NumberInput value={draft[key] ? Number(draft[key]) : undefined} onValueChange={(v?: number) => set(key, v ? String(v) : undefined)} />
            </Field.Root>
          </Box>
        ))}
        {(['country', 'province', 'sector'] as const).map((key) => (
          <Box key={key} style={{ width: 150 }}>
            <Field.Root name={key}>
              <Field.Label>{t(`board.filter.${key}`, key === 'country' ? 'Country' : key === 'province' ? 'Province' : 'Sector')}</Field.Label>
              <TextInput value={draft[key] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(key, e.target.value)} />
            </Field.Root>
          </Box>
        ))}
        <Button onClick={() => onApply(draft)}>{t('board.filter.apply', 'Apply filters')}</Button>
        <Button
          variant="tertiary"
          onClick={() => {
            const empty = Object.fromEntries(FIELDS.map((f) => [f, undefined])) as BoardFilters;
            setDraft(empty);
            onApply(empty);
          }}
        >
          {t('board.filter.clear', 'Clear')}
        </Button>
      </Flex>
    </Box>
  );
};
