import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, type ReactNode } from 'react';
import {
  FormProvider,
  get,
  type Path,
  useForm,
  type DefaultValues,
  type FieldValues,
  type UseFormReturn,
} from 'react-hook-form';
import type { $ZodType, input, output } from 'zod/v4/core';
import { apiIssueText, isApiError } from '../lib/api-client';

/** A zod schema, of zod's full build or zod/mini (the trainee's forms). */
type FormSchema = $ZodType<FieldValues, FieldValues>;
export type FormMethods<TSchema extends FormSchema> = UseFormReturn<input<TSchema>, unknown, output<TSchema>>;

interface FormProps<TSchema extends FormSchema> {
  schema: TSchema;
  defaultValues?: DefaultValues<input<TSchema>>;
  onSubmit: (values: output<TSchema>, form: FormMethods<TSchema>) => void | Promise<void>;
  children: ReactNode | ((form: FormMethods<TSchema>) => ReactNode);
  className?: string;
  'aria-label'?: string;
  /**
   * The API's refusal of what this form sent: each issue whose path is one of the form's fields shows beside that
   * field, in the reader's language (the form still shows the whole error where it shows it).
   */
  serverError?: unknown;
}

/** The one place react-hook-form meets zod: fields below read their state through the form context. */
export function Form<TSchema extends FormSchema>({
  schema,
  defaultValues,
  onSubmit,
  children,
  className,
  'aria-label': ariaLabel,
  serverError,
}: FormProps<TSchema>) {
  const form = useForm<input<TSchema>, unknown, output<TSchema>>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onTouched',
  });
  const { setError, getValues } = form;
  useEffect(() => {
    if (!isApiError(serverError)) return;
    let first = true;
    for (const issue of serverError.issues) {
      // Only a path the form holds a value for is one of its fields; the rest stay in the error at the top.
      if (!issue.path || get(getValues(), issue.path) === undefined) continue;
      setError(issue.path as Path<input<TSchema>>, { type: 'server', message: apiIssueText(issue) }, { shouldFocus: first });
      first = false;
    }
  }, [serverError, setError, getValues]);
  return (
    <FormProvider {...form}>
      <form
        className={className ?? 'form'}
        aria-label={ariaLabel}
        noValidate
        onSubmit={form.handleSubmit((values) => onSubmit(values, form))}
      >
        {typeof children === 'function' ? children(form) : children}
      </form>
    </FormProvider>
  );
}
