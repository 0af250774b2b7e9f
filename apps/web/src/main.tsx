import { StrictMode, type ComponentType } from 'react';
import { options } from 'preact';
import { createRoot } from 'react-dom/client';
import { languageReady } from './lib/i18n';
import { wordValidationInReadersLanguage } from './lib/validation';
import './styles.css';

wordValidationInReadersLanguage();

/*
 * React runs a component's effects right after a click or a key's render; Preact waits for the next animation frame
 * (up to 100 ms on a busy phone, longer in a hidden tab). Effects here keep fields in step with each other (the
 * question form's weights after a tick, the calendar's focus), so they run right after the render, as in React.
 */
options.requestAnimationFrame = (callback) => queueMicrotask(callback);

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
