/**
 * The webmaster's configurator (`/cau-hinh.html`): pick one of the three
 * pages a commune site needs (procedures, filing, dossier lookup) and its
 * options, see the widget live, copy its snippet and its stylesheet rules.
 *
 * The three pages link to each other (the search's "Nộp hồ sơ trực tuyến"
 * opens the form page, the receipt links to the lookup page, a procedure the
 * form cannot take links back to the search), so their addresses are asked
 * once and each snippet uses the others'.
 *
 * Colours come out as stylesheet rules, never as a `style=""` attribute: a
 * site under a strict Content-Security-Policy (as the README recommends)
 * blocks inline styles, and the widget would silently stay blue.
 *
 * Built by `vite build --mode site` to `dist/site/configurator.js`, because
 * the demo pages run under a CSP that allows no inline script.
 */
import { AgencyList } from '../../../src/api/contract/catalogue.js';

const form = document.querySelector<HTMLFormElement>('#options')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const snippet = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const stylesheet = document.querySelector<HTMLTextAreaElement>('#stylesheet')!;
const pageHint = document.querySelector<HTMLElement>('#page-hint')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;

const DEFAULT_PRIMARY = '#0b5cad';
const TAGS = ['dvc-procedure-search', 'dvc-dossier-form', 'dvc-status-lookup'] as const;
type Tag = (typeof TAGS)[number];

/** Where each widget goes, said to the webmaster under the page choice. */
const PAGE_HINTS: Record<Tag, string> = {
  'dvc-procedure-search': 'Đặt trên trang dịch vụ công của xã (thường là trang chủ hoặc mục “Dịch vụ công”).',
  'dvc-dossier-form':
    'Đặt trên trang nộp hồ sơ. Thủ tục được chọn từ địa chỉ trang (?procedure=…), do nút “Nộp hồ sơ trực tuyến” của ô tìm kiếm tạo ra.',
  'dvc-status-lookup': 'Đặt trên trang tra cứu hồ sơ. Đường dẫn trên giấy tiếp nhận (?code=…) điền sẵn mã hồ sơ.',
};

/** The CDN script's address as a webmaster on another site must write it: absolute. */
const scriptUrl = new URL('/cdn/dvc-widgets.js', location.href).href;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

interface Choice {
  tag: Tag;
  attributes: [string, string][];
  primary: string;
}

/** An attribute's value, left out (empty) when it is the widget's default. */
const unlessDefault = (value: string, fallback: string) => (value === fallback ? '' : value);

function readChoice(): Choice {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const tag = (TAGS as readonly string[]).includes(value('widget')) ? (value('widget') as Tag) : TAGS[0];
  const api = value('api');
  const common: [string, string][] = [
    // Another site needs the backend's full address, not this demo's relative one.
    ['api', api ? new URL(api, location.href).href : ''],
    ['agency', value('agency')],
    ['lang', unlessDefault(value('lang'), 'vi')],
  ];
  const own: Record<Tag, [string, string][]> = {
    'dvc-procedure-search': [
      ['form-url', value('form-page')],
      ['page-size', unlessDefault(value('page-size'), '10')],
    ],
    'dvc-dossier-form': [
      ['lookup-url', value('lookup-page')],
      ['procedure-url', value('search-page')],
      ['draft-hours', unlessDefault(value('draft-hours'), '24')],
    ],
    'dvc-status-lookup': [],
  };
  const attributes = [...common, ...own[tag]].filter(([, v]) => v);
  return { tag, attributes, primary: value('primary').toLowerCase() };
}

/** The rules for the site's own stylesheet: the colour, and the search's reserved room (no layout shift). */
function stylesheetText({ tag, primary }: Choice): string {
  const rules: string[] = [];
  if (primary !== DEFAULT_PRIMARY) rules.push(`${tag} {\n  --dvc-color-primary: ${primary};\n}`);
  if (tag === 'dvc-procedure-search') {
    rules.push(
      '/* Giữ chỗ cho ô tìm kiếm trước khi tải xong, để trang không bị xô lệch. */\n' +
        'dvc-procedure-search {\n  display: block;\n  min-height: 40rem;\n}',
    );
  }
  return rules.join('\n\n') || '/* Không cần thêm gì. */';
}

function showOwnOptions(tag: Tag): void {
  for (const group of form.querySelectorAll<HTMLElement>('[data-for]')) group.hidden = group.dataset.for !== tag;
  pageHint.textContent = PAGE_HINTS[tag];
}

function update(): void {
  const choice = readChoice();
  showOwnOptions(choice.tag);
  const attributeText = choice.attributes.map(([name, v]) => ` ${name}="${escapeAttribute(v)}"`).join('');
  snippet.value = `<script type="module" src="${scriptUrl}"></script>\n<${choice.tag}${attributeText}></${choice.tag}>`;
  stylesheet.value = stylesheetText(choice);

  // The live preview is built with DOM calls, never from the snippet's HTML;
  // a style set through the CSSOM is allowed by the page's CSP.
  const element = document.createElement(choice.tag);
  for (const [name, v] of choice.attributes) element.setAttribute(name, v);
  element.setAttribute('no-history', '');
  element.style.setProperty('--dvc-color-primary', choice.primary);
  preview.replaceChildren(element);
}

async function loadAgencies(): Promise<void> {
  const select = form.querySelector<HTMLSelectElement>('#agency')!;
  try {
    const answer = AgencyList.parse(await (await fetch('/api/v1/agencies')).json());
    for (const agency of answer.items) select.add(new Option(`${agency.name} (${agency.code})`, agency.code));
  } catch (error) {
    console.error('Could not list the agencies', error);
  }
}

async function copy(textarea: HTMLTextAreaElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(textarea.value);
    copyStatus.textContent = 'Đã sao chép.';
  } catch {
    textarea.select();
    copyStatus.textContent = 'Không sao chép tự động được: nội dung đã được chọn, hãy nhấn Ctrl+C.';
  }
}

form.addEventListener('input', update);
form.addEventListener('change', update);
for (const button of form.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.addEventListener('click', () => void copy(button.dataset.copy === 'stylesheet' ? stylesheet : snippet));
}
update();
void loadAgencies();
