import { secondFactorCodeBodySchema } from '@bextr/contracts';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormAlert } from '../../components/FormAlert.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useNotify } from '../../components/use-notify.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { CodeField } from '../second-factor/CodeField.tsx';
import { RecoveryCodesPanel } from '../second-factor/RecoveryCodesPanel.tsx';
import { useRenewRecoveryCodes, useSecondFactorStatus } from '../second-factor/use-second-factor.ts';
import { SettingsSection } from './SettingsSection.tsx';

/** How few recovery codes left earn a warning. */
const FEW_CODES = 3;

/** Admins only: their second factor (on since, recovery codes left) and renewing the codes. */
export function SecuritySection() {
  const { m, locale } = useI18n();
  const t = m.secondFactor.settings;
  const status = useSecondFactorStatus();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <SettingsSection title={t.title} lead={t.lead}>
      <QueryStates query={status}>
        {status.data ? (
          codes ? (
            <RecoveryCodesPanel codes={codes} doneLabel={t.done} onDone={() => setCodes(null)} />
          ) : (
            <Stack gap="md">
              <Stack gap={4}>
                {status.data.enabledAt ? (
                  <Text>{t.onSince(formatDate(locale, status.data.enabledAt, 'long'))}</Text>
                ) : null}
                <Text fw={600}>{t.codesLeft(status.data.recoveryCodesLeft)}</Text>
              </Stack>
              {status.data.recoveryCodesLeft <= FEW_CODES ? (
                <Alert color="yellow" variant="light">
                  {t.fewLeft}
                </Alert>
              ) : null}
              <RenewForm onRenewed={setCodes} />
            </Stack>
          )
        ) : null}
      </QueryStates>
    </SettingsSection>
  );
}

function RenewForm({ onRenewed }: { onRenewed: (codes: string[]) => void }) {
  const { m } = useI18n();
  const t = m.secondFactor.settings;
  const notify = useNotify();
  const renew = useRenewRecoveryCodes();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: secondFactorCodeBodySchema,
    initialValues: { code: '' },
    codeFields: { INVALID_SECOND_FACTOR_CODE: 'code' },
  });
  const submit = handleSubmit((body) =>
    renew.mutate(body, {
      onSuccess: (result) => {
        form.reset();
        notify(t.renewed);
        onRenewed(result.recoveryCodes);
      },
      onError: fail,
    }),
  );
  return (
    <form noValidate onSubmit={submit} aria-labelledby="renew-recovery-codes">
      <Stack gap="sm">
        <Title order={3} size="h5" id="renew-recovery-codes">
          {t.renewTitle}
        </Title>
        <FormAlert error={formError} extra={formNotes} />
        <CodeField
          label={m.secondFactor.signIn.code}
          description={t.renewText}
          maw={320}
          key={form.key('code')}
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" variant="default" loading={renew.isPending} className="wrap-button">
            {t.renew}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
