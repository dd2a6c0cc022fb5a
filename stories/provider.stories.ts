/**
 * `<dvc-provider>` states the backend, agency and language once for every
 * widget inside it. Here it supplies the DemoAdapter (as its `adapter`
 * property) and `lang` to a `<dvc-procedure-search>` that sets neither.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../src/procedure-search.js';
import '../src/provider.js';
import { agencies } from '../demo/server/catalogue/seed/catalogue.js';
import { demoAdapter, shadowPart } from './support.js';

interface ProviderArgs {
  lang: 'vi' | 'en';
  agency: string;
}

const meta = {
  title: 'Widgets/Provider',
  component: 'dvc-provider',
  args: { lang: 'en', agency: agencies[0]?.code ?? '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
    agency: { control: 'select', options: agencies.map((agency) => agency.code) },
  },
  render: ({ lang, agency }) => html`
    <dvc-provider lang=${lang} agency=${agency} .adapter=${demoAdapter('seed')}>
      <dvc-procedure-search no-history></dvc-procedure-search>
    </dvc-provider>
  `,
} satisfies Meta<ProviderArgs>;

export default meta;

/** English from the provider, whatever the page language (toolbar) says. */
export const SuppliesLangAndAdapter: StoryObj<ProviderArgs> = {
  name: 'Supplies lang and adapter',
  play: async ({ canvasElement, args }) => {
    const label = await shadowPart(canvasElement, 'dvc-procedure-search', 'label[for="search-input"]');
    await expect(label.textContent).toMatch(args.lang === 'en' ? /procedure/i : /thủ tục/i);
    await shadowPart(canvasElement, 'dvc-procedure-search', '[part="count"], [part="empty"]');
  },
};
