import type { ReactNode } from 'react';
import { Flex, Tabs } from '@strapi/design-system';

/**
 * A list's tabs (statuses, times): one trigger per value, and the list drawn in the active
 * tab only (the others hold nothing, so no hidden tab asks the server for anything).
 */
export const ListTabs = <V extends string>({
  values,
  value,
  label,
  labelOf,
  onChange,
  children,
}: {
  values: readonly V[];
  value: V;
  label: string;
  labelOf: (value: V) => string;
  onChange: (value: V) => void;
  children: ReactNode;
}) => (
  <Tabs.Root value={value} onValueChange={(v: string) => onChange(v as V)}>
    <Tabs.List aria-label={label}>
      {values.map((v) => (
        <Tabs.Trigger key={v} value={v}>{labelOf(v)}</Tabs.Trigger>
      ))}
    </Tabs.List>
    {values.map((v) => (
      <Tabs.Content key={v} value={v}>
        {v === value ? (
          <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
            {children}
          </Flex>
        ) : null}
      </Tabs.Content>
    ))}
  </Tabs.Root>
);
