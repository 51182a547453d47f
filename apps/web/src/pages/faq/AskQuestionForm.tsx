import {
  faqPageContent,
  faqQuestionBodySchema,
  type Locale,
  languageNames,
  localeSchema,
  locales,
} from '@bextr/contracts';
import {
  Alert,
  Button,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useAskQuestion } from './use-faq.ts';

interface Values extends Record<string, unknown> {
  question: string;
  name: string;
  email: string;
  locale: string;
  website: string;
}

/** "Send us your question": optional name and e-mail, the answer's language, and two quiet spam
 * checks the server applies (a honeypot field, and how long the form was open). */
export function AskQuestionForm() {
  const { locale } = useI18n();
  const c = faqPageContent[locale];
  const t = c.form;
  const shownAt = useRef(Date.now());
  const [sent, setSent] = useState(false);
  const ask = useAskQuestion();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: faqQuestionBodySchema,
    initialValues: { question: '', name: '', email: '', locale: locale as string, website: '' } as Values,
    toBody: (v: Values) => ({
      question: v.question,
      locale: v.locale,
      ...(v.name.trim() ? { name: v.name } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
      ...(v.website ? { website: v.website } : {}),
      elapsedMs: Date.now() - shownAt.current,
    }),
  });

  // The answer's language follows the UI language until the visitor picks one.
  const pickedLocale = useRef(false);
  const setField = form.setFieldValue;
  const chosen = form.values.locale;
  useEffect(() => {
    if (!pickedLocale.current && chosen !== locale) setField('locale', locale);
  }, [locale, chosen, setField]);

  const again = () => {
    form.reset();
    form.setFieldValue('locale', locale);
    shownAt.current = Date.now();
    pickedLocale.current = false;
    setSent(false);
  };

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'xl' }}
      aria-labelledby="ask-title"
    >
      <Title order={2} id="ask-title" mb={4}>
        {c.askTitle}
      </Title>
      <Text c="dimmed" mb="md">
        {c.askLead}
      </Text>
      {sent ? (
        <Alert variant="default" title={t.sentTitle} role="status">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t.sentText}</Text>
            <Button variant="default" size="xs" onClick={again}>
              {t.askAnother}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={handleSubmit((body) =>
            ask.mutate(body, { onSuccess: () => setSent(true), onError: fail }),
          )}
        >
          <Stack gap="md">
            <FormAlert error={formError} extra={formNotes} />
            <Textarea
              label={t.question}
              description={t.questionHint}
              required
              autosize
              minRows={3}
              maxRows={10}
              maxLength={1000}
              {...form.getInputProps('question')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t.name} autoComplete="name" maxLength={120} {...form.getInputProps('name')} />
              <TextInput
                label={t.email}
                description={t.emailHint}
                type="email"
                autoComplete="email"
                {...form.getInputProps('email')}
              />
              <NativeSelect
                label={t.language}
                value={form.values.locale}
                onChange={(event) => {
                  const next = localeSchema.safeParse(event.currentTarget.value);
                  if (next.success) {
                    pickedLocale.current = true;
                    form.setFieldValue('locale', next.data);
                  }
                }}
              >
                {locales.map((code: Locale) => (
                  <option key={code} value={code} lang={code}>
                    {languageNames[code]}
                  </option>
                ))}
              </NativeSelect>
            </SimpleGrid>
            <div className="hp-field" aria-hidden="true">
              <label>
                {t.honeypot}
                <input
                  type="text"
                  name="website"
                  tabIndex={-1}
                  autoComplete="off"
                  {...form.getInputProps('website')}
                />
              </label>
            </div>
            <div>
              <Button type="submit" loading={ask.isPending}>
                {t.submit}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
