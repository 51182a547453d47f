import { Group, Paper, Radio, Text } from '@mantine/core';
import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
}

interface Props<T extends string> {
  legend: string;
  description?: string;
  choices: readonly Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
  error?: string | undefined;
  name: string;
  /** Cards side by side (a prominent choice) or a compact row. */
  variant?: 'cards' | 'inline';
}

/** A radio group in a fieldset: the legend names the group, each radio is labelled by its choice. */
export function ChoiceFieldset<T extends string>(props: Props<T>) {
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [props.description ? descriptionId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  const radios = props.choices.map((choice) => {
    const radio = (
      <Radio
        key={choice.value}
        name={props.name}
        value={choice.value}
        label={choice.label}
        description={choice.description}
        checked={props.value === choice.value}
        onChange={() => props.onChange(choice.value)}
        error={Boolean(props.error)}
      />
    );
    if (props.variant !== 'cards') return radio;
    return (
      <Paper
        key={choice.value}
        withBorder
        p="md"
        radius="md"
        className="choice-card"
        data-checked={props.value === choice.value || undefined}
      >
        {radio}
      </Paper>
    );
  });
  return (
    <fieldset className="choice-fieldset" aria-describedby={describedBy || undefined}>
      <legend className="choice-legend">{props.legend}</legend>
      {props.description ? (
        <Text id={descriptionId} size="xs" c="dimmed" mb={6}>
          {props.description}
        </Text>
      ) : null}
      {props.variant === 'cards' ? (
        <div className="choice-cards">{radios}</div>
      ) : (
        <Group gap="lg">{radios}</Group>
      )}
      {props.error ? (
        <Text id={errorId} size="xs" c="red" mt={6}>
          {props.error}
        </Text>
      ) : null}
    </fieldset>
  );
}
