// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ErrorBoundary } from '../../../renderer/shared/ErrorBoundary';

function Boom({ error }: { error: Error }): never {
  throw error;
}

afterEach(cleanup);

describe('the error screen', () => {
  it('says the local database could not be opened, in words, with a way to reload', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const err = new Error('Database has been closed');
    err.name = 'DatabaseClosedError';
    render(
      <ErrorBoundary>
        <Boom error={err} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Liftoff could not open its local database');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('says nothing saved was lost when a screen fails for another reason', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Boom error={new TypeError('x is undefined')} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading').textContent).toBe('Something went wrong on this screen');
    expect(screen.getByRole('alert').textContent).toContain('Nothing you saved has been lost');
  });
});

describe('a screen whose code could not be loaded', () => {
  it('says so, inside the workshop frame, and tries again without a reload', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { lazyScreen } = await import('../../../renderer/shared/lazy-screen');
    const { fireEvent } = await import('@testing-library/react');
    let fail = true;
    const Screen = lazyScreen(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module: app://liftoff/assets/MatrixView-x.js');
      return function Matrix() {
        return <h1>Prioritization matrix</h1>;
      };
    });
    render(
      <ErrorBoundary inline>
        <Screen />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect((await screen.findByRole('heading')).textContent).toBe('This screen could not be loaded');
    expect(screen.getByRole('alert').tagName).toBe('SECTION');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('heading', { name: 'Prioritization matrix' })).textContent).toBe('Prioritization matrix');
  });
});
