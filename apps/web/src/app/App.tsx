import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
// The DOM build of RouterProvider, so navigate(…, { flushSync: true }) can commit at once.
import { RouterProvider } from 'react-router/dom';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { LiveProvider } from '../live/LiveProvider.tsx';
import { AccountLocaleSync } from '../session/AccountLocaleSync.tsx';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './router.tsx';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme.ts';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <AccountLocaleSync />
          <Notifications position="top-right" />
          <LiveProvider>
            <RouterProvider router={router} />
          </LiveProvider>
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
