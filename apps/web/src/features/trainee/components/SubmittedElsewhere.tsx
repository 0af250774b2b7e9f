import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface SubmittedElsewhereProps {
  code: string;
  error: unknown;
}

/**
 * Another phone holding a copy of this phone's sign-in handed the test in first: this phone's answers were not the
 * ones handed in, and the result on the session page is that other hand-in's.
 */
export function SubmittedElsewhere({ code, error }: SubmittedElsewhereProps) {
  const { t } = useTranslation();
  return (
    <main className="page page--narrow stack">
      <section className="card time-up" aria-labelledby="elsewhere-heading">
        <h1 id="elsewhere-heading">{t('trainee.ended.elsewhere')}</h1>
        <ErrorAlert error={error} />
      </section>
      <Link to={`/j/${code}`} className="button button--block">
        {t('test.result.back')}
      </Link>
    </main>
  );
}
