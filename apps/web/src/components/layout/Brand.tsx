import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** The BeXtr wordmark, linking home. */
export function Brand() {
  return (
    <Anchor component={Link} to="/" underline="never" className="brand" fw={800} fz="xl">
      Be<span className="brand-accent">X</span>tr
    </Anchor>
  );
}
