import { Badge, Group, List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { CheckIcon, CircleIcon } from '../../components/icons.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';

export interface Step {
  label: string;
  done: boolean;
  /** A step whose screen is not built yet. */
  soon?: boolean;
}

/** The first steps of a new account, done or to do. */
export function Checklist({ steps }: { steps: readonly Step[] }) {
  const { m } = useI18n();
  return (
    <List spacing="sm" center>
      {steps.map((step) => (
        <List.Item
          key={step.label}
          icon={
            <ThemeIcon color={step.done ? 'teal' : 'gray'} variant="light" radius="xl" size={26}>
              {step.done ? <CheckIcon size={14} /> : <CircleIcon size={12} />}
            </ThemeIcon>
          }
        >
          <Group gap="xs">
            <Text>{step.label}</Text>
            <VisuallyHidden>{step.done ? m.common.done : m.common.toDo}</VisuallyHidden>
            {step.soon ? (
              <Badge variant="light" color="gray" size="sm">
                {m.common.comingSoon}
              </Badge>
            ) : null}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
