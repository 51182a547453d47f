import {
  type FaqQuestion,
  faqAnswerBodySchema,
  faqGroups,
  faqGroupTitles,
  type Locale,
  languageNames,
} from '@bextr/contracts';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useAnswerQuestion, useDismissQuestion } from './use-admin-faq.ts';

interface Values extends Record<string, unknown> {
  answer: string;
  publish: boolean;
  locale: string;
  group: string;
  question: string;
  translation: { question: string; answer: string };
}

/** Answer a new question (e-mailed to every asker who left an address), optionally publishing it; or dismiss it. */
export function AnswerForm({ question }: { question: FaqQuestion }) {
  const { locale: uiLocale, m } = useI18n();
  const t = m.public.adminFaq;
  const notify = useNotify();
  const answer = useAnswerQuestion();
  const dismiss = useDismissQuestion();
  const other: Locale = question.locale === 'en' ? 'sk' : 'en';
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: faqAnswerBodySchema,
    initialValues: {
      answer: '',
      publish: false,
      locale: question.locale as string,
      group: 'basics',
      question: question.question,
      translation: { question: '', answer: '' },
    } as Values,
    toBody: (v: Values) => {
      if (!v.publish) return { answer: v.answer, publish: false };
      const needsTranslation = v.locale === 'both' || v.locale === other;
      return {
        answer: v.answer,
        publish: true,
        locale: v.locale,
        group: v.group,
        question: v.question,
        ...(needsTranslation && (v.translation.question || v.translation.answer)
          ? { translation: v.translation }
          : {}),
      };
    },
  });
  const id = `q-${question.id}`;
  const showTranslation =
    form.values.publish && (form.values.locale === 'both' || form.values.locale === other);

  return (
    <form
      noValidate
      aria-label={t.sendAnswer}
      onSubmit={handleSubmit((body) =>
        answer.mutate(
          { id: question.id, body },
          {
            onSuccess: ({ question: answered }) =>
              notify(answered.emailRecipients > 0 ? t.answeredAndSent(answered.emailRecipients) : t.answered),
            onError: fail,
          },
        ),
      )}
    >
      <Stack gap="sm">
        <FormAlert error={formError} extra={formNotes} />
        <Textarea
          id={`${id}-answer`}
          label={t.answer}
          description={t.answerHint}
          required
          autosize
          minRows={3}
          {...form.getInputProps('answer')}
        />
        <Checkbox label={t.publish} {...form.getInputProps('publish', { type: 'checkbox' })} />
        {form.values.publish ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={t.publishIn} {...form.getInputProps('locale')}>
                <option value={question.locale}>{languageNames[question.locale]}</option>
                <option value={other}>{languageNames[other]}</option>
                <option value="both">{t.publishBoth}</option>
              </NativeSelect>
              <NativeSelect label={t.group} {...form.getInputProps('group')}>
                {faqGroups.map((g) => (
                  <option key={g} value={g}>
                    {faqGroupTitles[uiLocale][g]}
                  </option>
                ))}
              </NativeSelect>
            </SimpleGrid>
            <TextInput label={t.faqQuestion} {...form.getInputProps('question')} />
            {showTranslation ? (
              <>
                <TextInput
                  label={t.translationQuestion(languageNames[other])}
                  lang={other}
                  {...form.getInputProps('translation.question')}
                />
                <Textarea
                  label={t.translationAnswer(languageNames[other])}
                  lang={other}
                  autosize
                  minRows={2}
                  {...form.getInputProps('translation.answer')}
                />
              </>
            ) : null}
          </>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={answer.isPending}>
            {t.sendAnswer}
          </Button>
          <Button
            variant="default"
            loading={dismiss.isPending}
            onClick={() =>
              dismiss.mutate(question.id, { onSuccess: () => notify(t.dismissed), onError: (e) => fail(e) })
            }
          >
            {t.dismiss}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
