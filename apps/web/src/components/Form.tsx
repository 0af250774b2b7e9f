import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import {
  FormProvider,
  useForm,
  type DefaultValues,
  type FieldValues,
  type UseFormReturn,
} from 'react-hook-form';
import type { $ZodType, input, output } from 'zod/v4/core';

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
}

/** The one place react-hook-form meets zod: fields below read their state through the form context. */
export function Form<TSchema extends FormSchema>({
  schema,
  defaultValues,
  onSubmit,
  children,
  className,
  'aria-label': ariaLabel,
}: FormProps<TSchema>) {
  const form = useForm<input<TSchema>, unknown, output<TSchema>>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onTouched',
  });
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
