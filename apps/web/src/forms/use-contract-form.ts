import { issuesToFieldErrors, type Locale } from '@bextr/contracts';
import { type FormErrors, useForm } from '@mantine/form';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { type ApiError, isApiError } from '../api/index.ts';
import { useI18n } from '../i18n/use-i18n.ts';

type Values = Record<string, unknown>;

interface Options<S extends z.ZodType, V extends Values> {
  /** The request body schema from @bextr/contracts: the same rules the API applies. */
  schema: S;
  initialValues: V;
  /** Builds the request body from the form values, when they differ (e.g. adds a token). */
  toBody?: (values: V) => unknown;
  /** Error codes that are about one field (e.g. EMAIL_TAKEN → email): shown by that field. */
  codeFields?: Partial<Record<ApiError['code'], keyof V & string>>;
}

function clientErrors(schema: z.ZodType, body: unknown, locale: Locale): FormErrors {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const field of issuesToFieldErrors(result.error.issues, locale)) {
    const key = field.path || '_form';
    if (!(key in errors)) errors[key] = field.message;
  }
  return errors;
}

/** A Mantine form validated by a contracts schema in the current language. Submitting hands over
 * the parsed body; `fail(error)` puts the server's field errors by their fields and keeps the
 * rest as a form-level error (`formError`, `formNotes`). */
export function useContractForm<S extends z.ZodType, V extends Values>(options: Options<S, V>) {
  const { locale } = useI18n();
  const { schema, toBody, codeFields } = options;
  const [formError, setFormError] = useState<unknown>(null);
  const [formNotes, setFormNotes] = useState<string[]>([]);
  const bodyOf = useCallback((values: V) => (toBody ? toBody(values) : values), [toBody]);

  const form = useForm<V, z.output<S>, FormErrors>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: (values) => clientErrors(schema, bodyOf(values), locale),
    transformValues: (values) => schema.parse(bodyOf(values)),
  });

  // Client-side messages follow a language switch.
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current === locale) return;
    shownLocale.current = locale;
    if (Object.keys(form.errors).length > 0) form.validate();
  }, [locale, form]);

  const fail = useCallback(
    (error: unknown) => {
      const notes: string[] = [];
      const shown: string[] = [];
      if (isApiError(error)) {
        for (const field of error.fields) {
          if (field.path && field.path in form.values) {
            form.setFieldError(field.path, field.message);
            shown.push(field.message);
          } else notes.push(field.message);
        }
        const codeField = codeFields?.[error.code];
        if (codeField && error.fields.length === 0) {
          form.setFieldError(codeField, error.message);
          shown.push(error.message);
        }
      }
      // No alert that only repeats what a field already says (e.g. "wrong current password").
      const repeats = isApiError(error) && notes.length === 0 && shown.includes(error.message);
      setFormNotes(notes);
      setFormError(repeats ? null : error);
    },
    [form, codeFields],
  );

  const clearFormError = useCallback(() => {
    setFormError(null);
    setFormNotes([]);
  }, []);

  /** onSubmit handler: clears the last server error, then runs `submit` with the parsed body. */
  const handleSubmit = (submit: (body: z.output<S>) => void) =>
    form.onSubmit((body) => {
      clearFormError();
      submit(body);
    });

  return { form, formError, formNotes, fail, clearFormError, handleSubmit };
}
