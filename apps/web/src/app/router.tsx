import { createBrowserRouter } from 'react-router-dom';
import { Loading } from '../components/Loading';
import { TraineeLayout } from './TraineeLayout';
import { AdminArea, HomeRedirect, NotFoundPage, OrganizerArea, StaffArea } from './routes/areas';

/*
 * The office pages, loaded on demand, each with its own libraries (the QR code, the charts); the trainee's pages
 * are not here but in app/TraineeApp.tsx, so a phone on a weak line never downloads this router.
 */
export const router = createBrowserRouter([
  {
    hydrateFallbackElement: <Loading />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      {
        path: '/login',
        lazy: () => import('./routes/setup-route').then((m) => ({ Component: m.LoginRoute })),
      },
      {
        path: '/setup',
        lazy: () => import('../features/setup/components/SetupPage').then((m) => ({ Component: m.SetupPage })),
      },
      {
        // A one-time invitation or reset link; its secret is in the fragment (#…).
        path: '/set-password',
        lazy: () => import('../features/auth/components/SetPasswordPage').then((m) => ({ Component: m.SetPasswordPage })),
      },
      {
        path: '/change-password',
        lazy: () =>
          import('../features/auth/components/PasswordChangeRequiredPage').then((m) => ({ Component: m.PasswordChangeRequiredPage })),
      },
      {
        element: <StaffArea />,
        children: [
          {
            element: <OrganizerArea />,
            children: [
              {
                path: '/programs',
                lazy: () => import('../features/programs/components/ProgramsPage').then((m) => ({ Component: m.ProgramsPage })),
              },
              {
                path: '/programs/:programId',
                lazy: () => import('./routes/program-route').then((m) => ({ Component: m.ProgramRoute })),
              },
              { path: '/programs/:programId/questions', lazy: () => import('../features/questions/components/QuestionsPage').then((m) => ({ Component: m.QuestionsPage })) },
              {
                path: '/people',
                lazy: () => import('../features/people/components/PeoplePage').then((m) => ({ Component: m.PeoplePage })),
              },
              {
                path: '/sessions',
                lazy: () => import('./routes/sessions-route').then((m) => ({ Component: m.SessionsRoute })),
              },
              {
                path: '/sessions/:sessionId/assessments/:assessmentId',
                lazy: () =>
                  import('../features/sessions/components/AssessmentSettingsPage').then((m) => ({ Component: m.AssessmentSettingsPage })),
              },
              {
                path: '/sessions/:sessionId/surveys/new',
                lazy: () => import('../features/sessions/components/NewSurveyPage').then((m) => ({ Component: m.NewSurveyPage })),
              },
            ],
          },
          {
            path: '/sessions/:id',
            lazy: () => import('./routes/session-route').then((m) => ({ Component: m.SessionRoute })),
          },
          {
            // The projector screen: join code, QR code and live counts; managers watch it too.
            path: '/sessions/:id/live',
            lazy: () => import('./routes/live-session-route').then((m) => ({ Component: m.LiveSessionRoute })),
          },
          {
            // Managers read survey results too, so this sits beside the session page rather than in the organizer area.
            path: '/sessions/:sessionId/surveys/:assessmentId/results',
            lazy: () =>
              import('../features/sessions/components/SurveyResultsPage').then((m) => ({ Component: m.SurveyResultsPage })),
          },
          {
            // Managers read a test's item analysis too, so it sits beside the session page like the survey results.
            path: '/sessions/:sessionId/tests/:assessmentId/items',
            lazy: () =>
              import('../features/sessions/components/ItemAnalysisPage').then((m) => ({ Component: m.ItemAnalysisPage })),
          },
          {
            path: '/plan',
            lazy: () => import('./routes/plan-route').then((m) => ({ Component: m.PlanRoute })),
          },
          {
            path: '/account',
            lazy: () => import('./routes/account-route').then((m) => ({ Component: m.AccountRoute })),
          },
          {
            element: <AdminArea />,
            children: [
              {
                path: '/admin/users',
                lazy: () => import('./routes/users-route').then((m) => ({ Component: m.UsersRoute })),
              },
              {
                path: '/admin/organization',
                lazy: () =>
                  import('../features/organization/components/OrganizationProfilePage').then((m) => ({ Component: m.OrganizationProfilePage })),
              },
              {
                path: '/admin/audit',
                lazy: () => import('../features/audit/components/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })),
              },
            ],
          },
          {
            path: '/indicators',
            lazy: () =>
              import('../features/indicators/components/IndicatorsPage').then((m) => ({ Component: m.IndicatorsPage })),
          },
          {
            // A program-year's drill-down and its charts (their library loads with this page only), read-only.
            path: '/indicators/:programId/:fiscalYear',
            lazy: () =>
              import('../features/indicators/components/ProgramYearPage').then((m) => ({ Component: m.ProgramYearPage })),
          },
          {
            path: '/indicators/:programId/:fiscalYear/people/:personId',
            lazy: () =>
              import('../features/indicators/components/PersonAttemptsPage').then((m) => ({ Component: m.PersonAttemptsPage })),
          },
        ],
      },
      {
        // Pages for anyone, without signing in, under the trainee's bar. The trainee's own pages (/j…) are an app of
        // their own (app/TraineeApp.tsx, chosen by main.tsx).
        element: <TraineeLayout />,
        children: [
          {
            // The public check of a certificate's code, from the QR code printed on it.
            path: '/verify/:code',
            lazy: () =>
              import('../features/certificates/components/VerifyCertificatePage').then((m) => ({ Component: m.VerifyCertificatePage })),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
