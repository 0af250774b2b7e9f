import type { Person } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Form } from '../../../components/Form';
import { SubmitButton } from '../../../components/fields';
import { useUpdatePerson } from '../api/update-person';
import { PersonFields, usePersonFormSchema } from './CreatePersonForm';

interface EditPersonFormProps {
  person: Person;
  onDone: (saved: boolean) => void;
}

/** The person's details as the form's text. */
const valuesOf = (person: Person) => ({
  fullName: person.fullName,
  group: person.group,
  village: person.village === null ? '' : String(person.village),
  school: person.school ?? '',
  ageBand: person.ageBand ?? '',
  phone: person.phone ?? '',
  guardianName: person.guardianConsent?.guardianName ?? '',
});

/** Corrects a person in the registry with the fields and rules of adding one. */
export function EditPersonForm({ person, onDone }: EditPersonFormProps) {
  const { t } = useTranslation();
  const schema = usePersonFormSchema();
  const updateMutation = useUpdatePerson();
  const heading = t('people.edit.heading', { name: person.fullName });
  return (
    <Form
      serverError={updateMutation.error}
      schema={schema}
      aria-label={heading}
      defaultValues={valuesOf(person)}
      onSubmit={(request) => updateMutation.mutate({ personId: person.id, request }, { onSuccess: () => onDone(true) })}
    >
      <p>
        <strong>{heading}</strong>
      </p>
      <PersonFields />
      <ErrorAlert error={updateMutation.error} />
      <div className="erase-confirm__buttons">
        <SubmitButton pending={updateMutation.isPending} pendingLabel={t('common.saving')}>
          {t('people.edit.submit')}
        </SubmitButton>
        <button type="button" className="button" disabled={updateMutation.isPending} onClick={() => onDone(false)}>
          {t('people.edit.cancel')}
        </button>
      </div>
    </Form>
  );
}
