import type { ApplyProgramTemplateResult, ProgramTemplate } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { formatCount } from '../../../lib/numbers';
import { useApplyProgramTemplate } from '../api/apply-program-template';
import { useProgramTemplates } from '../api/get-program-templates';

interface StartProgramsProps {
  /** Some programs are archived: the organization has none in use rather than none at all. */
  hasArchived: boolean;
  onCreateOwn: () => void;
  onApplied: (result: ApplyProgramTemplateResult) => void;
}

/** An organization without programs starts from a template (what it adds is listed) or makes its own. */
export function StartPrograms({ hasArchived, onCreateOwn, onApplied }: StartProgramsProps) {
  const { t } = useTranslation();
  const templates = useProgramTemplates();
  return (
    <section className="card stack" aria-labelledby="start-programs-heading">
      <h2 id="start-programs-heading">{t('programs.manage.startHeading')}</h2>
      <p>{hasArchived ? t('programs.manage.startIntroArchived') : t('programs.manage.startIntro')}</p>
      {templates.isPending && <Loading />}
      <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      {templates.data?.templates.map((template) => (
        <TemplateOffer key={template.id} template={template} onApplied={onApplied} />
      ))}
      <div className="button-row">
        <button type="button" className="button" onClick={onCreateOwn}>
          {t('programs.manage.createOwn')}
        </button>
      </div>
    </section>
  );
}

function TemplateOffer({ template, onApplied }: { template: ProgramTemplate; onApplied: StartProgramsProps['onApplied'] }) {
  const { t } = useTranslation();
  const applyMutation = useApplyProgramTemplate(onApplied);
  const headingId = `template-${template.id}`;
  const years = template.fiscalYears;
  return (
    <article className="stack" aria-labelledby={headingId}>
      <h3 id={headingId}>{template.name}</h3>
      <p>{template.description}</p>
      {years.length > 0 && <p>{t('programs.manage.templateAdds', { from: years[0], to: years[years.length - 1] })}</p>}
      <ul className="template-programs">
        {template.programs.map((program) => (
          <li key={program.code}>
            <span className="code">{program.code}</span> {program.name}{' '}
            <span className="muted">
              ({t('programs.manage.templateProgram', {
                questions: formatCount(program.questionCount),
                survey: formatCount(program.surveyItemCount),
              })})
            </span>
          </li>
        ))}
      </ul>
      <ErrorAlert error={applyMutation.error} />
      <button
        type="button"
        className="button button--primary"
        disabled={applyMutation.isPending}
        aria-busy={applyMutation.isPending || undefined}
        onClick={() => applyMutation.mutate(template.id)}
      >
        {applyMutation.isPending ? t('programs.manage.applying') : t('programs.manage.applyTemplate')}
      </button>
    </article>
  );
}
