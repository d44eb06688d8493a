// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LookupBox } from '../../../../components/popup/LookupBox';
import type { PaperId } from '../../../../lib/ids/key';
import { SEED_SUFFIX } from '../../../helpers/seed-results';

afterEach(cleanup);

describe('LookupBox', () => {
  function box() {
    const onLookup = vi.fn<(id: PaperId) => void>();
    render(<LookupBox onLookup={onLookup} />);
    const input = screen.getByLabelText('Look up a paper') as HTMLInputElement;
    const submit = (value: string) => {
      fireEvent.input(input, { target: { value } });
      fireEvent.submit(input.closest('form')!);
    };
    return { onLookup, input, submit };
  }

  test.each([
    ['2404.14294', { kind: 'arxiv', id: '2404.14294' }],
    ['arXiv:2404.14294v3', { kind: 'arxiv', id: '2404.14294', version: 3 }],
    ['10.1145/3442188.3445922', { kind: 'doi', id: '10.1145/3442188.3445922' }],
    ['https://doi.org/10.1145/3442188.3445922', { kind: 'doi', id: '10.1145/3442188.3445922' }],
    [`pith:2024:${SEED_SUFFIX}`, { kind: 'pith', id: SEED_SUFFIX }],
    [`https://pith.science/pith/${SEED_SUFFIX}`, { kind: 'pith', id: SEED_SUFFIX }],
    ['https://arxiv.org/abs/2404.14294', { kind: 'arxiv', id: '2404.14294' }],
  ])('%s is looked up', (text, id) => {
    const { onLookup, input, submit } = box();
    submit(text);
    expect(onLookup).toHaveBeenCalledWith(id);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  test.each([
    ['', 'Type an arXiv id'],
    ['hello world', 'Not an arXiv id'],
    ['2413.00001', 'not a month'],
    ['https://example.com/about', 'not to a single paper'],
  ])('%j gives an inline error', (text, message) => {
    const { onLookup, input, submit } = box();
    submit(text);
    expect(onLookup).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('lookup-error');
    expect(screen.getByRole('alert').textContent).toContain(message);
    expect(document.activeElement).toBe(input);
  });

  test('typing again clears the error', () => {
    const { input, submit } = box();
    submit('nope');
    fireEvent.input(input, { target: { value: '2404' } });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('');
  });
});
