import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { languageReady } from './lib/i18n';
import { wordValidationInReadersLanguage } from './lib/validation';
import './styles.css';

wordValidationInReadersLanguage();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A reader who chose English before sees English from the first paint: its texts are fetched first.
void languageReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
