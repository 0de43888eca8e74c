import { Box, Button, Combobox, ComboboxOption, Flex, Field, NumberInput, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useEffect, useMemo, useState } from 'react';
import type { BoardFilters, FilterOptions } from '../../api/board';
import { useColleges, useFilterOptions } from '../../api/queries';
import { useT } from '../../utils/labels';
import { useCountryName } from '../../utils/places';
import { useIntl } from 'react-intl';

/** A Combobox's value: null, not undefined, when nothing is chosen (undefined would leave it uncontrolled, still showing the last choice). */
const selected = (value?: string) => (value ?? null) as unknown as string | undefined;

/**
 * Filters of the board: college, graduation years, country and province (pickers of the
 * places alumni live in, countries named in the admin's language), sector (the industry
 * groups). Applied with a button, kept in the URL.
 */
export const Filters = ({ value, onApply }: { value: BoardFilters; onApply: (f: BoardFilters) => void }) => {
  const t = useT();
  const { locale } = useIntl();
  const countryName = useCountryName();
  const [draft, setDraft] = useState<BoardFilters>(value);
  useEffect(() => setDraft(value), [JSON.stringify(value)]);
  const colleges = useColleges();
  const options = useFilterOptions();
  const set = (key: keyof BoardFilters, v: string | undefined) => setDraft((d) => ({ ...d, [key]: v || undefined }));

  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const countries = useMemo(() => {
    const codes = options.data?.data.countries ?? [];
    // The home country first, then the others by name.
    const named = codes.map((code) => ({ code, name: countryName(code) }));
    return named.sort((a, b) => (a.code === 'CN' ? -1 : b.code === 'CN' ? 1 : collator.compare(a.name, b.name)));
  }, [options.data, countryName, collator]);
  const provinces = useMemo(() => {
    const all = options.data?.data.provinces ?? [];
    const chosen = draft.country ? all.filter((p) => p.country === draft.country) : all;
    return [...new Set(chosen.map((p) => p.province))].sort((a, b) => collator.compare(a, b));
  }, [options.data, draft.country, collator]);
  const sectors = options.data?.data.sectors ?? [];
  const sectorName = (s: FilterOptions['sectors'][number]) => (locale.startsWith('zh') ? s.name : s.nameEn || s.name);
  const noOptions = () => t('board.filter.noOptions', 'Nothing matches');
  const clearLabel = t('board.filter.clearOne', 'Clear this filter');

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
        <Box style={{ width: 180 }} data-testid="filter-country">
          <Field.Root name="country">
            <Field.Label>{t('board.filter.country', 'Country')}</Field.Label>
            <Combobox
              value={selected(draft.country)}
              onChange={(v?: string) => setDraft((d) => ({ ...d, country: v || undefined, province: v && v === d.country ? d.province : undefined }))}
              onClear={() => setDraft((d) => ({ ...d, country: undefined, province: undefined }))}
              placeholder={t('board.filter.all', 'All')}
              clearLabel={clearLabel}
              noOptionsMessage={noOptions}
            >
              {countries.map((c) => (
                <ComboboxOption key={c.code} value={c.code} textValue={c.name}>
                  {c.name}
                </ComboboxOption>
              ))}
            </Combobox>
          </Field.Root>
        </Box>
        <Box style={{ width: 160 }} data-testid="filter-province">
          <Field.Root name="province">
            <Field.Label>{t('board.filter.province', 'Province')}</Field.Label>
            <Combobox
              value={selected(draft.province)}
              onChange={(v?: string) => set('province', v)}
              onClear={() => set('province', undefined)}
              placeholder={t('board.filter.all', 'All')}
              clearLabel={clearLabel}
              noOptionsMessage={noOptions}
            >
              {provinces.map((p) => (
                <ComboboxOption key={p} value={p} textValue={p}>
                  {p}
                </ComboboxOption>
              ))}
            </Combobox>
          </Field.Root>
        </Box>
        <Box style={{ width: 260 }} data-testid="filter-sector">
          <Field.Root name="sector">
            <Field.Label>{t('board.filter.sector', 'Sector')}</Field.Label>
            <Combobox
              value={selected((draft.sector && sectors.find((s) => s.documentId === draft.sector)?.code) || draft.sector)}
              onChange={(v?: string) => set('sector', v)}
              onClear={() => set('sector', undefined)}
              placeholder={t('board.filter.all', 'All')}
              clearLabel={clearLabel}
              noOptionsMessage={noOptions}
            >
              {sectors.map((s) => (
                <ComboboxOption key={s.code} value={s.code} textValue={`${s.code} · ${sectorName(s)}`}>
                  {`${s.code} · ${sectorName(s)}`}
                </ComboboxOption>
              ))}
            </Combobox>
          </Field.Root>
        </Box>
        <Button onClick={() => onApply(draft)}>{t('board.filter.apply', 'Apply filters')}</Button>
        <Button
          variant="tertiary"
          onClick={() => {
            const empty: BoardFilters = {};
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
