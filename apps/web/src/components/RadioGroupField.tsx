import { useId } from 'react';
import { get, useFormContext, type FieldError } from 'react-hook-form';

export interface RadioChoice {
  value: string;
  label: string;
  /** What the choice means for trainees, under its label. */
  hint?: string;
}

interface RadioGroupFieldProps {
  name: string;
  legend: string;
  choices: RadioChoice[];
}

/** One choice among a few, each explained where it is chosen. */
export function RadioGroupField({ name, legend, choices }: RadioGroupFieldProps) {
  const id = useId();
  const { register, formState } = useFormContext();
  const error = (get(formState.errors, name) as FieldError | undefined)?.message;
  return (
    <fieldset className={error ? 'field field--invalid' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{legend}</legend>
      {choices.map((choice) => (
        <div key={choice.value}>
          <label className="checkbox">
            <input
              type="radio"
              value={choice.value}
              aria-describedby={choice.hint ? `${id}-${choice.value}-hint` : undefined}
              {...register(name)}
            />
            <span>{choice.label}</span>
          </label>
          {choice.hint && (
            <p className="field__hint" id={`${id}-${choice.value}-hint`}>
              {choice.hint}
            </p>
          )}
        </div>
      ))}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
