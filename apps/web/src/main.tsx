import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './lib/i18n';
import { wordValidationInReadersLanguage } from './lib/validation';
import './styles.css';

wordValidationInReadersLanguage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/*
 * Two apps share this first file: the trainee's pages (/j…, app/TraineeApp.tsx) and the office pages (app/App.tsx,
 * and its router). A trainee's phone downloads only the first (the API preloads it with the page: route-preloads.ts).
 */
const isTraineePage = /^\/j(\/|$)/.test(window.location.pathname);
const app: Promise<{ App: ComponentType }> = isTraineePage ? import('./app/TraineeApp') : import('./app/App');

// A reader who chose English before sees English from the first paint: its texts are fetched first.
void Promise.all([app, languageReady]).then(([{ App }]) =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
