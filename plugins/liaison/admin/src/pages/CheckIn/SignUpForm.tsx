import { useState } from 'react';
import { Box, Button, Field, Flex, NumberInput, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryString } from '../../api/client';
import { useErrorMessage } from '../../api/errors';
import { useT } from '../../utils/labels';

type Found = { documentId: string; name: string; city?: string | null };
type Result = { documentId: string; status: 'registered' | 'waiting'; position?: number };

/**
 * Staff (and a chapter editor, at their chapters' events) sign a person up on their behalf:
 * the person found through the Content Manager's search of alumni, which already narrows it to
 * whom this user may read; the same rules as a sign-up of their own (window, capacity, once).
 */
export const SignUpForm = ({ event }: { event: string }) => {
  const t = useT();
  const { get, post } = useFetchClient();
  const client = useQueryClient();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [alumnus, setAlumnus] = useState<string>('');
  const [guests, setGuests] = useState<number>(0);
  const found = useQuery({
    queryKey: ['liaison', 'check-in', 'sign-up-search', q],
    enabled: q.trim().length > 0,
    queryFn: async () => {
      const url = `/content-manager/collection-types/plugin::liaison.alumnus${queryString({ _q: q.trim(), page: 1, pageSize: 20, sort: 'name:ASC' })}`;
      return (await get<{ results: Found[] }>(url)).data.results;
    },
  });
  const signUp = useMutation({
    mutationFn: async () =>
      (await post<{ data: Result }>(`/liaison/events/${event}/registrations`, { alumnus, guests })).data.data,
    onSuccess: (result) => {
      toggleNotification({
        type: 'success',
        message:
          result.status === 'registered'
            ? t('registrations.signUp.registered', 'Signed up: a seat is theirs.')
            : t('registrations.signUp.waiting', 'On the waiting list, at place {position}.', { position: result.position ?? '' }),
      });
      setAlumnus('');
      setGuests(0);
    },
    onError: (error) => toggleNotification({ type: 'danger', message: messageOf(error) }),
    onSettled: () => client.invalidateQueries({ queryKey: ['liaison', 'check-in'] }),
  });

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="sign-up-form">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">{t('registrations.signUp.title', 'Sign someone up')}</Typography>
        <Flex gap={3} alignItems="flex-end" wrap="wrap">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setQ(typed);
            }}
          >
            <Field.Root>
              <Field.Label>{t('registrations.signUp.search', 'Find the person (name, pinyin)')}</Field.Label>
              <TextInput name="sign-up-search" value={typed} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped(e.target.value)} />
            </Field.Root>
          </form>
          <Box style={{ minWidth: 260 }}>
            <Field.Root>
              <Field.Label>{t('registrations.signUp.person', 'Person')}</Field.Label>
              <SingleSelect
                placeholder={
                  found.isFetching
                    ? t('registrations.signUp.searching', 'Searching…')
                    : t('registrations.signUp.choose', '{count} found: choose one', { count: found.data?.length ?? 0 })
                }
                value={alumnus}
                onChange={(v: string | number) => setAlumnus(String(v))}
                disabled={!found.data?.length}
              >
                {(found.data ?? []).map((a) => (
                  <SingleSelectOption key={a.documentId} value={a.documentId}>
                    {a.city ? `${a.name} · ${a.city}` : a.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          <Box style={{ width: 120 }}>
            <Field.Root>
              <Field.Label>{t('registrations.column.guests', 'Guests')}</Field.Label>
              <NumberInput name="sign-up-guests" value={guests} onValueChange={(v: number | undefined) => setGuests(v ?? 0)} />
            </Field.Root>
          </Box>
          <Button onClick={() => signUp.mutate()} disabled={!alumnus} loading={signUp.isPending}>
            {t('registrations.signUp.submit', 'Sign up')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
