// A long list drawn in steps: the first items at once, every item in the end, and never more than there are.
import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useInSteps } from './use-in-steps.ts';

function List({ count }: { count: number }) {
  const drawn = useInSteps(count, 10, 30);
  return (
    <ul>
      {Array.from({ length: drawn }, (_, i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

describe('a list drawn in steps', () => {
  it('draws the first items at once, then all of them', async () => {
    const { rerender } = render(<List count={100} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(100));
    rerender(<List count={4} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
  });
});
