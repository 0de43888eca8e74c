import { useEffect, useState, type ChangeEvent } from 'react';
import { Box, TextInput } from '@strapi/design-system';
import { Search } from '@strapi/icons';

/**
 * A list's search box: what it holds is asked for once typing pauses (a request per word, not
 * per key), trimmed, and nothing when it is empty. `value` is what the list shows now (from the
 * address), so that going back or a shared link fills the box.
 */
export const SearchField = ({
  value,
  onSearch,
  label,
  placeholder,
  width = 360,
}: {
  value: string | undefined;
  onSearch: (words: string | undefined) => void;
  label: string;
  placeholder: string;
  width?: number;
}) => {
  const [words, setWords] = useState(value ?? '');
  // The address changed otherwise (back, a link): the box shows it; its own words, trimmed, are kept as typed.
  useEffect(() => {
    if ((value ?? '') !== words.trim()) setWords(value ?? '');
  }, [value]);
  useEffect(() => {
    if (words.trim() === (value ?? '').trim()) return;
    const timer = setTimeout(() => onSearch(words.trim() || undefined), 300);
    return () => clearTimeout(timer);
  }, [words]);
  return (
    <Box style={{ width, maxWidth: '100%' }}>
      <TextInput
        aria-label={label}
        placeholder={placeholder}
        startAction={<Search aria-hidden />}
        value={words}
        maxLength={100}
        onChange={(e: ChangeEvent<HTMLInputElement>) => setWords(e.target.value)}
      />
    </Box>
  );
};
