import { recoveryCodeSchema, totpCodeSchema } from '@bextr/contracts';
import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { z } from 'zod';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { CodeField } from '../second-factor/CodeField.tsx';
import { useCompleteSecondFactor } from './use-sign-in.ts';

const codeForm = z.strictObject({ code: totpCodeSchema });
const recoveryForm = z.strictObject({ recoveryCode: recoveryCodeSchema });

/** The second step of an admin's sign-in: the code from the authenticator app, or a recovery code.
 * On success the visitor-only guard sends the admin on, as after a password. */
export function SecondFactorStep({ onStartOver }: { onStartOver: () => void }) {
  const { m } = useI18n();
  const t = m.secondFactor.signIn;
  usePageTitle(t.title);
  const [mode, setMode] = useState<'code' | 'recovery'>('code');
  return (
    <AuthCard title={t.title} lead={mode === 'code' ? t.lead : t.recoveryLead}>
      {mode === 'code' ? <CodeForm /> : <RecoveryForm />}
      <Stack gap="xs">
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => setMode(mode === 'code' ? 'recovery' : 'code')}
        >
          {mode === 'code' ? t.useRecovery : t.useCode}
        </Anchor>
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onStartOver}>
          {t.startOver}
        </Anchor>
      </Stack>
    </AuthCard>
  );
}

/** The frame both forms share: the form-level error, the one field, and the submit button. */
function StepForm({
  onSubmit,
  error,
  notes,
  pending,
  children,
}: {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  error: unknown;
  notes: readonly string[];
  pending: boolean;
  children: ReactNode;
}) {
  const { m } = useI18n();
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md">
        <FormAlert error={error} extra={notes} />
        {children}
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {m.secondFactor.signIn.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CodeForm() {
  const { m } = useI18n();
  const t = m.secondFactor.signIn;
  const complete = useCompleteSecondFactor();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: codeForm,
    initialValues: { code: '' },
    codeFields: { INVALID_SECOND_FACTOR_CODE: 'code' },
  });
  return (
    <StepForm
      onSubmit={handleSubmit((body) => complete.mutate(body, { onError: fail }))}
      error={formError}
      notes={formNotes}
      pending={complete.isPending}
    >
      <CodeField
        label={t.code}
        description={t.codeHint}
        data-autofocus
        autoFocus
        key={form.key('code')}
        {...form.getInputProps('code')}
      />
    </StepForm>
  );
}

function RecoveryForm() {
  const { m } = useI18n();
  const t = m.secondFactor.signIn;
  const complete = useCompleteSecondFactor();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: recoveryForm,
    initialValues: { recoveryCode: '' },
    codeFields: { INVALID_RECOVERY_CODE: 'recoveryCode' },
  });
  return (
    <StepForm
      onSubmit={handleSubmit((body) => complete.mutate(body, { onError: fail }))}
      error={formError}
      notes={formNotes}
      pending={complete.isPending}
    >
      <TextInput
        label={t.recoveryCode}
        description={t.recoveryHint}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        key={form.key('recoveryCode')}
        {...form.getInputProps('recoveryCode')}
      />
    </StepForm>
  );
}
