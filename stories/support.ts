/**
 * What the stories share: the demo backends a story can pick by name, and
 * waiting for a state to appear inside a widget's shadow root.
 */
import { expect, waitFor } from 'storybook/test';
import { DemoAdapter, type DemoCatalogue, type DemoFailure } from './adapters/demo-adapter.js';
import { demoSearchData as search } from './adapters/demo-search-data.js';
import { agencies, shownProcedures as procedures } from '../demo/server/catalogue/seed/catalogue.js';
import { longNamesCatalogue } from './fixtures/long-names.js';

export const seedCatalogue: DemoCatalogue = { agencies, procedures };

/** The backend behind a story: a catalogue, a way to fail, or none at all (no adapter, no `api`). */
export type DemoBackend = 'seed' | 'empty-catalog' | 'long-names' | 'pending-forever' | DemoFailure | 'none';

export const demoBackends: DemoBackend[] = [
  'seed',
  'empty-catalog',
  'long-names',
  'pending-forever',
  'network',
  'server',
  'invalid-response',
  'timeout',
  'agency-not-found',
  'rate-limited',
  'none',
];

const adapters = new Map<DemoBackend, DemoAdapter>();

/** One adapter per backend, so re-rendering a story with the same backend does not start a new search. */
export function demoAdapter(backend: DemoBackend): DemoAdapter | undefined {
  if (backend === 'none') return undefined;
  let adapter = adapters.get(backend);
  if (!adapter) {
    adapter =
      backend === 'seed'
        ? new DemoAdapter(seedCatalogue, { search })
        : backend === 'empty-catalog'
          ? new DemoAdapter({ agencies, procedures: [] }, { search })
          : backend === 'long-names'
            ? new DemoAdapter(longNamesCatalogue, { search })
            : backend === 'pending-forever'
              ? new DemoAdapter(seedCatalogue, { pendingForever: true })
              : new DemoAdapter(seedCatalogue, { fail: backend });
    adapters.set(backend, adapter);
  }
  return adapter;
}

/** Waits until `selector` matches inside the shadow root of the first `tag` in the story, and returns it. */
export async function shadowPart<T extends Element = HTMLElement>(
  canvas: HTMLElement,
  tag: string,
  selector: string,
): Promise<T> {
  return waitFor(
    () => {
      const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
      expect(found, `${tag} shows ${selector}`).toBeTruthy();
      return found!;
    },
    { timeout: 5000 },
  );
}
