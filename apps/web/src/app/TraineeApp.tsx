import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { EnterCodePage } from '../features/trainee/components/EnterCodePage';
import { ReviewPage } from '../features/trainee/components/ReviewPage';
import { TestPage } from '../features/trainee/components/TestPage';
import { TraineeSessionPage } from '../features/trainee/components/TraineeSessionPage';
import { registerServiceWorker } from '../lib/service-worker';
import { AppProviders } from './providers';
import { TraineeShell } from './TraineeShell';

/*
 * The trainee's pages (/j…) as an app of their own, for cheap phones on a weak line (issue 11): a small router
 * (wouter) instead of the office app's, and none of the office pages' code or texts. Its four pages come in its one
 * file (about 10 KB gzipped together), so a phone needs nothing more from the line when the organizer opens a test
 * and the whole hall taps "start" at once, and the bar and the page show together from the first paint.
 */
function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <h1>{t('app.notFound')}</h1>
      <a href="/">{t('app.home')}</a>
    </main>
  );
}

export function App() {
  // The trainee's pages are the ones a phone must reopen with no connection: installable, working offline.
  useEffect(registerServiceWorker, []);
  return (
    <AppProviders>
      <TraineeShell>
        <Switch>
          <Route path="/j" component={EnterCodePage} />
          <Route path="/j/:code" component={TraineeSessionPage} />
          <Route path="/j/:code/test/:assessmentId" component={TestPage} />
          <Route path="/j/:code/review/:attemptId" component={ReviewPage} />
          <Route component={NotFound} />
        </Switch>
      </TraineeShell>
    </AppProviders>
  );
}
