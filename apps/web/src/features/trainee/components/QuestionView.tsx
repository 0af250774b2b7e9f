import type { TraineeQuestion } from '@sujarit/contracts';

/** Thai answer letters, as on a paper test: ก ข ค ง … */
const OPTION_LETTERS = ['ก', 'ข', 'ค', 'ง', 'จ', 'ฉ', 'ช', 'ซ', 'ฌ', 'ญ'];

interface QuestionViewProps {
  question: TraineeQuestion;
  chosenOptionId: string | undefined;
  onChoose: (optionId: string) => void;
}

export function QuestionView({ question, chosenOptionId, onChoose }: QuestionViewProps) {
  return (
    <fieldset className="question">
      <legend className="question__stem">{question.stem}</legend>
      <div className="options">
        {question.options.map((option, index) => {
          const checked = chosenOptionId === option.id;
          return (
            <label key={option.id} className={checked ? 'option option--chosen' : 'option'}>
              <input
                type="radio"
                name={`question-${question.id}`}
                value={option.id}
                checked={checked}
                onChange={() => onChoose(option.id)}
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
