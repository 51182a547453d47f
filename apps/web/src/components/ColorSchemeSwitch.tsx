import { ActionIcon, type MantineColorScheme, Menu, useMantineColorScheme } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import { AutoIcon, CheckIcon, MoonIcon, SunIcon } from './icons.tsx';

const icons: Record<MantineColorScheme, ReactNode> = {
  light: <SunIcon />,
  dark: <MoonIcon />,
  auto: <AutoIcon />,
};

/** Light, dark or the system's choice; Mantine keeps it in localStorage. */
export function ColorSchemeSwitch() {
  const { m } = useI18n();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const options: { value: MantineColorScheme; label: string }[] = [
    { value: 'light', label: m.colorScheme.light },
    { value: 'dark', label: m.colorScheme.dark },
    { value: 'auto', label: m.colorScheme.auto },
  ];
  const current = options.find((o) => o.value === colorScheme);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={`${m.colorScheme.label}: ${current?.label ?? ''}`}
          title={m.colorScheme.label}
        >
          {icons[colorScheme]}
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown aria-label={m.colorScheme.label}>
        {options.map((option) => (
          <Menu.Item
            key={option.value}
            aria-current={option.value === colorScheme ? 'true' : undefined}
            leftSection={icons[option.value]}
            rightSection={option.value === colorScheme ? <CheckIcon size={14} /> : null}
            onClick={() => setColorScheme(option.value)}
          >
            {option.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
