import { Tabs } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { EntryEditor } from './EntryEditor.tsx';
import { QuestionQueue } from './QuestionQueue.tsx';

/** The admins' FAQ page: the queue of visitors' questions and the entry editor. */
export function AdminFaqPage() {
  const { m } = useI18n();
  const t = m.public.adminFaq;
  usePageTitle(t.title);
  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <Tabs defaultValue="queue" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="queue">{t.queueTab}</Tabs.Tab>
          <Tabs.Tab value="entries">{t.entriesTab}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue">
          <QuestionQueue />
        </Tabs.Panel>
        <Tabs.Panel value="entries">
          <EntryEditor />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
