import { createTheme } from '@mantine/core';

/**
 * Mantine, for a dense tool read at arm's length: a system font, a compact but clear type scale, and
 * rem-based sizes throughout, so the large-text mode (the root font one size up) scales every component.
 */
export const APP_THEME = createTheme({
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: '"DejaVu Sans Mono", ui-monospace, monospace',
  primaryColor: 'blue',
  defaultRadius: 'sm',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.25rem', lineHeight: '1.3' },
      h2: { fontSize: '1.15rem', lineHeight: '1.3' },
      h3: { fontSize: '1rem', lineHeight: '1.35' },
    },
  },
});
