/**
 * Every state of `<dvc-procedure-search>`, each on the in-browser DemoAdapter
 * (pick another in the `backend` control). Each story's play function waits
 * for its state, so the a11y check runs on that state and not on "loading".
 * All stories set `no-history`: Storybook's own address must stay untouched.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { fold } from '../src/i18n/fold.js';
import '../src/procedure-search.js';
import { demoAdapter, demoBackends, shadowPart, type DemoBackend } from './support.js';

interface SearchArgs {
  /** Which demo backend answers (the `adapter` property). */
  backend: DemoBackend;
  query: string;
  procedure: string;
  agency: string;
  lang: '' | 'vi' | 'en';
  'page-size': number;
  'form-url': string;
}

const TAG = 'dvc-procedure-search';

const render = (args: SearchArgs) => html`
  <dvc-procedure-search
    no-history
    .adapter=${demoAdapter(args.backend)}
    query=${args.query || nothing}
    procedure=${args.procedure || nothing}
    agency=${args.agency || nothing}
    lang=${args.lang || nothing}
    page-size=${args['page-size']}
    form-url=${args['form-url'] || nothing}
  ></dvc-procedure-search>
`;

/** A play function that waits for `selector` in the widget. */
const shows =
  (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await shadowPart(canvasElement, TAG, selector);
  };

/**
 * A failure story: the widget shows the error, with a retry button exactly when a retry can help,
 * and logs the details for the webmaster (so a console.error is expected here).
 */
const failure = (args: Partial<SearchArgs>, retry: boolean): Story => ({
  args,
  parameters: { consoleErrors: 'expected' },
  play: async ({ canvasElement }) => {
    const error = await shadowPart(canvasElement, TAG, '[part="error"]');
    await expect(error.querySelector('[part="retry-button"]') !== null).toBe(retry);
  },
});

const meta = {
  title: 'Widgets/Procedure search',
  component: TAG,
  render,
  args: { backend: 'seed', query: '', procedure: '', agency: '', lang: '', 'page-size': 10, 'form-url': '' },
  argTypes: {
    backend: { control: 'select', options: demoBackends, description: 'Demo backend set as the `adapter` property.' },
    lang: { control: 'inline-radio', options: ['', 'vi', 'en'] },
  },
} satisfies Meta<SearchArgs>;

export default meta;
type Story = StoryObj<SearchArgs>;

export const Results: Story = { play: shows('[part="count"]') };

export const SearchWithoutDiacritics: Story = {
  name: 'Search without diacritics',
  args: { query: 'ket hon' },
  play: async ({ canvasElement }) => {
    const first = await shadowPart(canvasElement, TAG, '[part="result"] a');
    await expect(fold(first.textContent ?? '')).toContain('ket hon');
  },
};

export const DetailOnline: Story = {
  name: 'Detail: online procedure',
  args: { procedure: '1.001193', 'form-url': '/nop-ho-so' },
  play: shows('[part="submit-button"]'),
};

export const DetailWithCases: Story = {
  name: 'Detail: several cases, each filed online',
  args: { procedure: '1.004873', 'form-url': '/nop-ho-so' },
  play: shows('[part="case"] [part="submit-button"]'),
};

export const DetailInformationOnly: Story = {
  name: 'Detail: information-only procedure',
  args: { procedure: '2.000815' },
  play: shows('[part="offline-notice"]'),
};

export const EmptyResult: Story = {
  name: 'Empty result',
  args: { query: 'xyzzy không có thủ tục này' },
  play: shows('[part="empty"] button'),
};

/**
 * Nothing matched ("khai sinh" and a word no procedure holds), and the
 * closest procedures follow: "Có phải bạn muốn tìm…". The demo backend
 * computes them with the reference backend's own search.
 */
export const ClosestProcedures: Story = {
  name: 'Nothing matched: did you mean',
  args: { query: 'khai sinh xyzzy' },
  play: async ({ canvasElement }) => {
    await shadowPart(canvasElement, TAG, '[part="closest-heading"]');
    const first = await shadowPart(canvasElement, TAG, '[part="result"] a');
    await expect(first.textContent?.trim()).toBe('Đăng ký khai sinh');
  },
};

/** A citizen's typo and run-together words still find the procedure ("kethon": the space skipped). */
export const TypedAsCitizens: Story = {
  name: 'Typed as citizens type: "kethon"',
  args: { query: 'kethon' },
  play: async ({ canvasElement }) => {
    const first = await shadowPart(canvasElement, TAG, '[part="result"] a');
    await expect(first.textContent?.trim()).toBe('Đăng ký kết hôn');
  },
};

/** Browsing by life event, without typing: the backend's events (data/life-events.json) with their counts. */
export const BrowseByLifeEvent: Story = {
  name: 'Browse by life event',
  play: async ({ canvasElement }) => {
    const select = await shadowPart<HTMLSelectElement>(canvasElement, TAG, '#event-filter');
    const option = [...select.options].find((o) => o.value === 'ket-hon');
    await expect(option?.textContent).toMatch(/^Kết hôn \(\d+\)$/);
    const listed = /\((\d+)\)/.exec(option!.textContent!)![1]!;
    await userEvent.selectOptions(select, 'ket-hon');
    // The event's count in the list is the number of results it gives.
    await waitFor(() =>
      expect(canvasElement.querySelector(TAG)?.shadowRoot?.querySelector('[part="count"]')?.textContent).toMatch(
        new RegExp(`\\b${listed} `),
      ),
    );
  },
};

export const EmptyCatalog: Story = {
  name: 'Empty catalog',
  args: { backend: 'empty-catalog' },
  play: shows('[part="empty"]'),
};

export const Loading: Story = { args: { backend: 'pending-forever' }, play: shows('[part="loading"]') };

export const NetworkError: Story = { name: 'Network error', ...failure({ backend: 'network' }, true) };
export const ServerError: Story = { name: 'Server error', ...failure({ backend: 'server' }, true) };
/** The demo backend answers 200 with a wrong shape; the widget's own contract check turns it into an error. */
export const InvalidResponse: Story = { name: 'Invalid response', ...failure({ backend: 'invalid-response' }, true) };
export const Timeout: Story = { name: 'Timeout', ...failure({ backend: 'timeout' }, true) };
export const RateLimited: Story = { name: 'Rate limited', ...failure({ backend: 'rate-limited' }, true) };
/** A webmaster's mistake: an agency code the backend does not know. No retry: it cannot help. */
export const UnknownAgency: Story = { name: 'Unknown agency (config)', ...failure({ agency: '000.00.99.H99' }, false) };
/** No adapter and no `api` attribute: the configuration message for the webmaster. */
export const MissingApi: Story = { name: 'Missing api (config)', ...failure({ backend: 'none' }, false) };

export const LongVietnameseNames: Story = {
  name: 'Long Vietnamese names',
  args: { backend: 'long-names' },
  play: shows('[part="count"]'),
};

/** A 320 px page (the narrowest phones) whose play function fails if anything sticks out sideways. */
const onPhone = (selector: string): Story => ({
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  decorators: [(story) => html`<div style="width: 320px; outline: 1px dashed #6b7280">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const part = await shadowPart(canvasElement, TAG, selector);
    const root = part.closest('[part="base"]')!;
    // A citizen on a small phone must never have to scroll left and right.
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
  },
});

export const PhoneWidth: Story = { name: 'Phone width (320 px)', ...onPhone('[part="count"]') };

/** The hardest case for a narrow screen: long names, a long agency and an e-mail address with nowhere to break. */
export const PhoneLongNamesDetail: Story = {
  name: 'Phone width: long names, detail',
  args: { backend: 'long-names', procedure: '9.900003' },
  ...onPhone('[part="detail"]'),
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const count = await shadowPart(canvasElement, TAG, '[part="count"]');
    await expect(count.textContent).toMatch(/procedure/i);
  },
};

/** A CMS theme: custom properties for colours and shape, `::part()` for finer changes, on a busy portal page. */
export const Themed: Story = {
  decorators: [
    (story) => html`
      <style>
        .portal {
          padding: 1.5rem;
          background: repeating-linear-gradient(135deg, #fde68a 0 14px, #fca5a5 14px 28px, #93c5fd 28px 42px);
          font-family: Georgia, 'Times New Roman', serif;
        }
        .portal header {
          margin-bottom: 1rem;
          padding: 0.75rem 1rem;
          background: #7f1d1d;
          color: #fff;
          font-weight: bold;
        }
        .portal dvc-procedure-search {
          display: block;
          padding: 1rem;
          border: 4px double #7f1d1d;
          --dvc-color-primary: #7f1d1d;
          --dvc-color-on-primary: #fffbeb;
          --dvc-color-surface: #fff7ed;
          --dvc-color-border: #92400e;
          --dvc-color-focus: #1d4ed8;
          --dvc-radius: 0;
          --dvc-font-family: Georgia, 'Times New Roman', serif;
        }
        .portal dvc-procedure-search::part(search-button) {
          text-transform: uppercase;
          letter-spacing: 0.05em;
        }
        .portal dvc-procedure-search::part(result) {
          border-left: 6px solid #b45309;
        }
      </style>
      <div class="portal">
        <header>Cổng thông tin điện tử xã Minh Họa (mẫu)</header>
        ${story()}
      </div>
    `,
  ],
  play: shows('[part="count"]'),
};

export const ManyResultsLoadMore: Story = {
  name: 'Many results with load more',
  args: { 'page-size': 5 },
  play: async ({ canvasElement }) => {
    const more = await shadowPart(canvasElement, TAG, '[part="load-more"]');
    await userEvent.click(more);
    await shadowPart(canvasElement, TAG, '[part="result"]:nth-child(6)');
  },
};
