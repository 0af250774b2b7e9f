import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { Loading } from '../components/Loading';
import { AppProviders } from './providers';
import { TraineeShell } from './TraineeShell';

/*
 * The trainee's pages (/j…) as an app of their own, for cheap phones on a weak line (issue 11): a small router
 * (wouter) instead of the office app's, and none of the office pages' code or texts. Each page loads on demand.
 */
const EnterCodePage = lazy(() => import('../features/trainee/components/EnterCodePage').then((m) => ({ default: m.EnterCodePage })));
const TraineeSessionPage = lazy(() =>
  import('../features/trainee/components/TraineeSessionPage').then((m) => ({ default: m.TraineeSessionPage })),
);
const TestPage = lazy(() => import('../features/trainee/components/TestPage').then((m) => ({ default: m.TestPage })));
const ReviewPage = lazy(() => import('../features/trainee/components/ReviewPage').then((m) => ({ default: m.ReviewPage })));

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
  return (
    <AppProviders>
      <TraineeShell>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/j" component={EnterCodePage} />
            <Route path="/j/:code" component={TraineeSessionPage} />
            <Route path="/j/:code/test/:assessmentId" component={TestPage} />
            <Route path="/j/:code/review/:attemptId" component={ReviewPage} />
            <Route component={NotFound} />
          </Switch>
        </Suspense>
      </TraineeShell>
    </AppProviders>
  );
}
