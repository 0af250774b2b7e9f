import { PROGRAM_FIELD_LIMITS } from '@sujarit/contracts';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/fields';

/** A program's own fields, as the create and the edit form ask them; each shows its limit up front. */
export function ProgramDetailsFields() {
  const { t } = useTranslation();
  const description = (useWatch({ name: 'description' }) as string | undefined) ?? '';
  const objectives = (useWatch({ name: 'objectives' }) as string | undefined) ?? '';
  return (
    <>
      <TextField
        name="code"
        label={t('programs.manage.code')}
        hint={t('programs.manage.codeHint', { max: PROGRAM_FIELD_LIMITS.code })}
        maxLength={PROGRAM_FIELD_LIMITS.code}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        name="name"
        label={t('programs.manage.name')}
        hint={t('programs.manage.limit', { max: PROGRAM_FIELD_LIMITS.name })}
        maxLength={PROGRAM_FIELD_LIMITS.name}
        autoComplete="off"
      />
      <TextField
        name="audience"
        label={t('programs.manage.audience')}
        hint={t('programs.manage.audienceHint', { max: PROGRAM_FIELD_LIMITS.audience })}
        maxLength={PROGRAM_FIELD_LIMITS.audience}
        autoComplete="off"
      />
      <TextField
        name="ownerUnit"
        label={t('programs.manage.ownerUnit')}
        hint={t('programs.manage.ownerUnitHint', { max: PROGRAM_FIELD_LIMITS.ownerUnit })}
        maxLength={PROGRAM_FIELD_LIMITS.ownerUnit}
        autoComplete="off"
      />
      <TextAreaField
        name="description"
        label={t('programs.manage.description')}
        hint={t('programs.manage.descriptionHint', { used: description.length, max: PROGRAM_FIELD_LIMITS.description })}
        maxLength={PROGRAM_FIELD_LIMITS.description}
        rows={4}
      />
      <TextAreaField
        name="objectives"
        label={t('programs.manage.objectives')}
        hint={t('programs.manage.objectivesHint', { used: objectives.length, max: PROGRAM_FIELD_LIMITS.objectives })}
        maxLength={PROGRAM_FIELD_LIMITS.objectives}
        rows={4}
      />
    </>
  );
}
