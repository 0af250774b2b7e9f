import { isFullCredit, type QuestionType } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';


/** Options with their worth: ✓ on a fully right one, the weight on a partial or penalty one (every option of a multiple choice). */
export function QuestionOptions({ type, options }: { type: QuestionType; options: readonly { text: string; weight?: number }[] }) {
  const { t } = useTranslation();
  if (type === 'likert') return <p className="muted">{options.map((o) => o.text).join(' · ') || t('questionBank.fields.likertHint')}</p>;
  return (
    <ol className="bank-question__options">
      {options.map((option, index) => {
        const weight = option.weight ?? 0;
        const right = type === 'multiple_choice' ? weight > 0 : isFullCredit(weight);
        const showWeight = type === 'multiple_choice' ? weight !== 0 : weight !== 0 && !right;
        return (
          <li key={index} className={right ? 'bank-question__option--correct' : undefined}>
            {option.text}
            {right && <strong> ✓ {t('questionBank.correctMark')}</strong>}
            {showWeight && <span className="muted"> ({t('questionBank.weightMark', { weight: Math.round(weight * 100) / 100 })})</span>}
          </li>
        );
      })}
    </ol>
  );
}
