import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import * as z from 'zod/mini';
import { Form } from '../../../components/Form';
import { SubmitButton, TextField } from '../../../components/fields';
import { JoinCodeSchema } from '../api/trainee-schemas';

const EnterCodeSchema = z.object({ code: JoinCodeSchema });

export function EnterCodePage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <main className="page page--narrow stack">
      <h1>{t('trainee.enterCode.title')}</h1>
      <p className="muted">{t('trainee.enterCode.intro')}</p>
      <Form
        schema={EnterCodeSchema}
        defaultValues={{ code: '' }}
        aria-label={t('trainee.enterCode.title')}
        onSubmit={({ code }) => navigate(`/j/${code}`)}
      >
        <TextField
          name="code"
          label={t('trainee.enterCode.code')}
          className="input input--code"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={6}
        />
        <SubmitButton>{t('trainee.enterCode.submit')}</SubmitButton>
      </Form>
    </main>
  );
}
