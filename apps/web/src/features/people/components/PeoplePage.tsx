import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { CreatePersonForm } from './CreatePersonForm';
import { DuplicatePeople } from './DuplicatePeople';
import { PeopleRegistry } from './PeopleRegistry';

/** Only a session page is a place to go back to: a crafted link must not send anyone elsewhere. */
const sessionPath = (path: string | null) => (path && /^\/sessions\/[\w-]+(\?part=[a-z]+)?$/.test(path) ? path : null);

/** The registry of trainees of this organization: add people, find them, erase them on request (PDPA). */
export function PeoplePage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const [params] = useSearchParams();
  const returnTo = sessionPath(params.get('returnTo'));
  useEffect(() => {
    // A link from a session's "add a new person" lands on the form, which sits below the list on a phone.
    if (hash === '#add-person') document.getElementById('add-person')?.scrollIntoView();
  }, [hash]);
  return (
    <main className="page stack">
      {returnTo && (
        <p>
          <Link to={returnTo}>← {t('people.backToSession')}</Link>
        </p>
      )}
      <h1>{t('people.title')}</h1>
      <p className="note">{t('people.pdpaNote')}</p>
      <DuplicatePeople />
      <div className="people-layout">
        <PeopleRegistry />
        <CreatePersonForm />
      </div>
    </main>
  );
}
