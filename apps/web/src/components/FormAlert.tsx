import { Alert } from '@mantine/core';
import { useErrorMessage } from '../errors/use-error-message.ts';

/** The form-level error of a failed submit (the server's message; field errors sit by the fields). */
export function FormAlert({ error, extra }: { error: unknown; extra?: readonly string[] }) {
  const describe = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {describe(error)}
      {extra && extra.length > 0 ? (
        <ul className="form-alert-list">
          {extra.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
