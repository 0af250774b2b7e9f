import { useId } from 'react';

interface SearchInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Extra classes for the field's wrapper, e.g. 'field--inline'. */
  className?: string;
  hint?: string;
}

/** A labelled search box outside a form (filters, registry search): controlled, no autocomplete. */
export function SearchInput({ label, value, onChange, className, hint }: SearchInputProps) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        autoComplete="off"
        enterKeyHint="search"
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
