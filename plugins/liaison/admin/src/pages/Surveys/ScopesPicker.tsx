import { Box, Button, Flex, SingleSelect, SingleSelectOption, Tag, TextInput, Typography } from '@strapi/design-system';
import { Cross, Plus } from '@strapi/icons';
import { useState, type ChangeEvent } from 'react';
import type { Dimension, SurveyScopeRef } from '../../../../server/src/admin-api-types';
import { useEnumLabel, useT } from '../../utils/labels';
import { useScopeOptions } from './api';

const KINDS: Dimension[] = ['cohort', 'college', 'region', 'industry'];

/** The classes, colleges, chapters and industry groups a survey goes to (College Staff are offered theirs only). */
export const ScopesPicker = ({
  scopes,
  onChange,
  error,
  disabled,
}: {
  scopes: SurveyScopeRef[];
  onChange: (s: SurveyScopeRef[]) => void;
  error?: string;
  disabled: boolean;
}) => {
  const t = useT();
  const label = useEnumLabel();
  const [kind, setKind] = useState<Dimension>('cohort');
  const [q, setQ] = useState('');
  const options = useScopeOptions(kind, q);
  const chosen = new Set(scopes.map((s) => `${s.kind}:${s.documentId}`));
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h3">
        {t('surveys.scopes', 'Sent to')}
      </Typography>
      <Flex gap={2} wrap="wrap" data-testid="chosen-scopes">
        {scopes.length === 0 && <Typography textColor="neutral600">{t('surveys.scopes.none', 'No scope chosen yet.')}</Typography>}
        {scopes.map((s) => (
          <Tag
            key={`${s.kind}:${s.documentId}`}
            icon={disabled ? undefined : <Cross />}
            disabled={disabled}
            onClick={() => !disabled && onChange(scopes.filter((x) => x !== s))}
          >
            {`${label('dimension', s.kind)} · ${s.name}`}
          </Tag>
        ))}
      </Flex>
      {error && (
        <Typography textColor="danger600" variant="pi">
          {error}
        </Typography>
      )}
      {!disabled && (
        <Flex gap={2} alignItems="flex-start" wrap="wrap">
          <Box style={{ width: 200 }}>
            <SingleSelect aria-label={t('surveys.scopes.kind', 'Kind of scope')} value={kind} onChange={(v: string | number) => setKind(String(v) as Dimension)}>
              {KINDS.map((k) => (
                <SingleSelectOption key={k} value={k}>
                  {label('dimension', k)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box style={{ width: 260 }}>
            <TextInput
              aria-label={t('surveys.scopes.search', 'Search by name')}
              placeholder={t('surveys.scopes.search', 'Search by name')}
              value={q}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setQ(e.target.value)}
            />
          </Box>
        </Flex>
      )}
      {!disabled && (
        <Flex gap={2} wrap="wrap" data-testid="scope-options">
          {(options.data ?? [])
            .filter((o) => !chosen.has(`${o.kind}:${o.documentId}`))
            .slice(0, 20)
            .map((o) => (
              <Button key={o.documentId} size="S" variant="tertiary" startIcon={<Plus />} onClick={() => onChange([...scopes, o])}>
                {o.name}
              </Button>
            ))}
          {options.data?.length === 0 && <Typography textColor="neutral600">{t('surveys.scopes.noMatch', 'Nothing found.')}</Typography>}
        </Flex>
      )}
    </Flex>
  );
};
