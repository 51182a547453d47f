import { secondFactorCodeBodySchema } from '@bextr/contracts';
import { Button, Code, CopyButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useContractForm } from '../../forms/use-contract-form.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { safeNextPath } from '../../session/redirects.ts';
import { useSession } from '../../session/use-session.ts';
import { CodeField } from './CodeField.tsx';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { useEnableSecondFactor, useSecondFactorSetup } from './use-second-factor.ts';

/** The key in groups of four, as authenticator apps show keys. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** /second-factor/setup: an admin turns on two-step sign-in (QR code or key, a code to confirm),
 * then sees the recovery codes once. Admins without it are sent here by the route guard. */
export function SecondFactorSetupPage() {
  const { m } = useI18n();
  const t = m.secondFactor.setup;
  usePageTitle(t.title);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const { user } = useSession();
  // Already on (and not just turned on here): the settings show it.
  if (user?.secondFactorEnabled && !recoveryCodes) return <Navigate to="/settings" replace />;

  return (
    <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }} maw={640} mx="auto">
      {recoveryCodes ? (
        <Stack gap="lg">
          <Title order={1} size="h2">
            {t.doneTitle}
          </Title>
          <RecoveryCodesPanel
            codes={recoveryCodes}
            doneLabel={m.secondFactor.recovery.continue}
            onDone={() => void navigate(safeNextPath(params.get('next')), { replace: true })}
          />
        </Stack>
      ) : (
        <SetupSteps onEnabled={setRecoveryCodes} />
      )}
    </Paper>
  );
}

function SetupSteps({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { m } = useI18n();
  const t = m.secondFactor.setup;
  const setup = useSecondFactorSetup();
  const enable = useEnableSecondFactor();
  const { form, formError, formNotes, fail, handleSubmit } = useContractForm({
    schema: secondFactorCodeBodySchema,
    initialValues: { code: '' },
    codeFields: { INVALID_SECOND_FACTOR_CODE: 'code' },
  });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t.title}
        </Title>
        <Text c="dimmed">{t.lead}</Text>
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="second-factor-scan">
        <Title order={2} size="h4" id="second-factor-scan">
          {t.scanTitle}
        </Title>
        {setup.isPending ? (
          <PageLoader />
        ) : setup.isError ? (
          <ErrorState error={setup.error} onRetry={() => void setup.refetch()} />
        ) : (
          <>
            <Text size="sm">{t.scanText}</Text>
            <Image
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.data.qrSvg)}`}
              alt={t.qrAlt}
              w={200}
              h={200}
              bg="white"
              p={4}
              radius="sm"
            />
            <Text size="sm">{t.manualText}</Text>
            <Group gap="sm" wrap="wrap">
              <Code
                fz="md"
                aria-label={t.secretLabel}
                style={{ wordBreak: 'break-all', userSelect: 'all' }}
                data-testid="second-factor-secret"
              >
                {grouped(setup.data.secret)}
              </Code>
              <CopyButton value={setup.data.secret}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy}>
                    {copied ? t.copied : t.copy}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </>
        )}
      </Stack>
      <Stack gap="sm" component="section" aria-labelledby="second-factor-confirm">
        <Title order={2} size="h4" id="second-factor-confirm">
          {t.confirmTitle}
        </Title>
        <form
          noValidate
          onSubmit={handleSubmit((body) =>
            enable.mutate(body, { onSuccess: (result) => onEnabled(result.recoveryCodes), onError: fail }),
          )}
        >
          <Stack gap="md">
            <FormAlert error={formError} extra={formNotes} />
            <CodeField
              label={m.secondFactor.signIn.code}
              description={t.confirmText}
              key={form.key('code')}
              {...form.getInputProps('code')}
            />
            <Group>
              <Button type="submit" loading={enable.isPending} disabled={!setup.data} className="wrap-button">
                {t.submit}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Stack>
  );
}
