import '@mantine/core/styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App.js';
import { initI18n } from './i18n/index.js';

const root = document.getElementById('root');

if (!root) {
  throw new Error('index.html has no #root element');
}

// Texts must be ready before the first render, or the page would flash untranslated keys.
await initI18n();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
