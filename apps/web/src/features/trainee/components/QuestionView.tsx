import type { TraineeQuestion } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';

/** Thai answer letters, as on a paper test: ก ข ค ง … */
export const OPTION_LETTERS = ['ก', 'ข', 'ค', 'ง', 'จ', 'ฉ', 'ช', 'ซ', 'ฌ', 'ญ'];

interface QuestionViewProps {
  question: TraineeQuestion;
  chosen: readonly string[];
  onChoose: (optionIds: string[]) => void;
}

export function QuestionView({ question, chosen, onChoose }: QuestionViewProps) {
  if (question.type === 'likert') return <LikertScale question={question} chosen={chosen} onChoose={onChoose} />;
  if (question.type === 'multiple_choice') return <Checkboxes question={question} chosen={chosen} onChoose={onChoose} />;
  return <Radios question={question} chosen={chosen} onChoose={onChoose} />;
}

/** Single choice and true/false: one option, as on a paper test. */
function Radios({ question, chosen, onChoose }: QuestionViewProps) {
  return (
    <fieldset className="question">
      <legend className="question__stem">{question.stem}</legend>
      <div className="options">
        {question.options.map((option, index) => {
          const checked = chosen.includes(option.id);
          return (
            <label key={option.id} className={checked ? 'option option--chosen' : 'option'}>
              <input
                type="radio"
                name={`question-${question.id}`}
                value={option.id}
                checked={checked}
                onChange={() => onChoose([option.id])}
              />
              <span className="option__letter" aria-hidden="true">
                {OPTION_LETTERS[index] ?? index + 1}
              </span>
              <span className="option__text">{option.text}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Multiple choice: any number of options, each tap saved as the whole set (in the question's option order). */
function Checkboxes({ question, chosen, onChoose }: QuestionViewProps) {
  const { t } = useTranslation();
  const hintId = `hint-${question.id}`;
  const toggle = (optionId: string, on: boolean) =>
    onChoose(question.options.map((o) => o.id).filter((id) => (id === optionId ? on : chosen.includes(id))));
  return (
    <fieldset className="question" aria-describedby={hintId}>
      <legend className="question__stem">{question.stem}</legend>
      <p className="question__hint" id={hintId}>
        {t('trainee.question.multipleHint')}
      </p>
      <div className="options">
        {question.options.map((option, index) => {
          const checked = chosen.includes(option.id);
          return (
            <label key={option.id} className={checked ? 'option option--chosen' : 'option'}>
              <input
                type="checkbox"
                name={`question-${question.id}`}
                value={option.id}
                checked={checked}
                onChange={(event) => toggle(option.id, event.target.checked)}
              />
              <span className="option__letter" aria-hidden="true">
                {OPTION_LETTERS[index] ?? index + 1}
              </span>
              <span className="option__text">{option.text}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * Likert 1–5: one row of five large targets, in the order the server gives (highest first, as Thai forms print it).
 * The value shows above its words when the option id is the number.
 */
function LikertScale({ question, chosen, onChoose }: QuestionViewProps) {
  return (
    <fieldset className="question">
      <legend className="question__stem">{question.stem}</legend>
      <div className="likert" style={{ gridTemplateColumns: `repeat(${question.options.length}, minmax(0, 1fr))` }}>
        {question.options.map((option) => {
          const checked = chosen.includes(option.id);
          return (
            <label key={option.id} className={checked ? 'likert__option likert__option--chosen' : 'likert__option'}>
              <input
                type="radio"
                className="likert__input"
                name={`question-${question.id}`}
                value={option.id}
                checked={checked}
                onChange={() => onChoose([option.id])}
              />
              {/^\d+$/.test(option.id) && (
                <span className="likert__value" aria-hidden="true">
                  {option.id}
                </span>
              )}
              <span className="likert__text">{option.text}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
