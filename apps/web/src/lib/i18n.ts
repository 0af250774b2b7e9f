import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './locales/th';
import { thTrainee } from './locales/th-trainee';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'sujarit.language';

/** Thai unless this browser chose English here before; the device's own language is not consulted. */
function savedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'th';
  } catch {
    return 'th';
  }
}

export const i18n = i18next.createInstance();

/**
 * Only the language in use is downloaded: the trainee's Thai texts are in the app's first file (the office pages add
 * the rest of th.ts with their own first file, app/App.tsx); the English texts are a file of their
 * own, fetched when a reader switches (or had switched on this phone before), so a trainee's phone never loads them.
 */
function loadLanguage(language: Language): Promise<void> {
  if (language === 'th' || i18n.hasResourceBundle(language, 'translation')) return Promise.resolve();
  return import('./locales/en').then(({ en }) => {
    i18n.addResourceBundle('en', 'translation', en);
  });
}

void i18n.use(initReactI18next).init({
  resources: { th: { translation: thTrainee } },
  partialBundledLanguages: true,
  lng: 'th',
  fallbackLng: 'th',
  supportedLngs: [...LANGUAGES],
  // React escapes on render; escaping here too would show &amp; in names.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Resolves once the language chosen on this phone before is shown (at once for Thai); main.tsx renders after it. */
export const languageReady: Promise<void> = savedLanguage() === 'th' ? Promise.resolve() : switchTo(savedLanguage());

async function switchTo(language: Language): Promise<void> {
  try {
    await loadLanguage(language);
  } catch {
    // The English file could not be fetched (no connection): Thai stays.
    return;
  }
  await i18n.changeLanguage(language);
}

export function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // The choice then lasts for this visit only.
  }
  return switchTo(language);
}
