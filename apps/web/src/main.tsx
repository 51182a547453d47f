import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
// Eager, not with the lazy landing and FAQ pages: the server-rendered public pages use these styles
// before (or without) any script, so they must be in the stylesheet index.html links.
import './pages/landing/public-pages.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
