import { RouterProvider } from 'react-router-dom';
import { i18n } from '../lib/i18n';
import { th } from '../lib/locales/th';
import { AppProviders } from './providers';
import { router } from './router';

// The office pages' Thai texts, beside the trainee's ones the first file brought (lib/locales/th-trainee.ts).
i18n.addResourceBundle('th', 'translation', th, true, true);

/** The office pages (and the public certificate check); the trainee's pages are app/TraineeApp.tsx. */
export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
