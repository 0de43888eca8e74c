import type { CSSProperties } from 'react';

/**
 * A table cell's text wraps, a long word without a space too (a name or title as an import or
 * another office brings it), so that the table keeps to the page instead of scrolling sideways.
 */
export const WRAPS: CSSProperties = { whiteSpace: 'normal', overflowWrap: 'anywhere' };
