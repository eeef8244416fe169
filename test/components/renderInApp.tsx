import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { APP_THEME } from '../../renderer/src/layout/appTheme.ts';

/** Renders a view as the window does: inside the component library's provider and the app's theme. */
export function renderInApp(ui: ReactElement): RenderResult {
  return render(ui, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <MantineProvider theme={APP_THEME}>{children}</MantineProvider>
    ),
  });
}
