import {
  Anchor,
  type CSSVariablesResolver,
  createTheme,
  localStorageColorSchemeManager,
  Select,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'grape',
  // Darker shades than Mantine's default keep white button text and links above WCAG AA contrast.
  primaryShade: { light: 8, dark: 7 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '750' },
  components: {
    // Links inside running text must not rely on colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Picking the option already chosen keeps it (Mantine would clear it); optional fields have
    // an explicit clear button (`clearable`) instead.
    Select: Select.extend({ defaultProps: { allowDeselect: false } }),
  },
});

/** Secondary ("dimmed") text and field error messages dark (light) enough to read: Mantine's
 * default grey, and its error reds (red 6 on white, red 8 on dark), fail WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  },
  dark: {
    '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8',
    '--mantine-color-error': t.colors.red[5] ?? '#ff6b6b',
  },
});

/** The color scheme lives in localStorage; there is no inline script (the CSP forbids it), so
 * Mantine applies the stored scheme as soon as the bundle runs. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'bextr.color-scheme' });
