/**
 * The webmaster's configurator (`/cau-hinh.html`): pick a widget and its
 * options, see it live, copy the snippet. Built by `vite build --mode site`
 * to `dist/site/configurator.js`, because the demo pages run under a CSP
 * that allows no inline script.
 */
import { AgencyList } from '../../../src/api/contract/catalogue.js';

const form = document.querySelector<HTMLFormElement>('#options')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const snippet = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const copyStatus = document.querySelector<HTMLElement>('#copy-status')!;

/** The CDN script's address as a webmaster on another site must write it: absolute. */
const scriptUrl = new URL('/cdn/dvc-widgets.js', location.href).href;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function options(): { tag: string; attributes: [string, string][]; primary: string } {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  const api = value('api');
  const attributes: [string, string][] = [
    // Another site needs the backend's full address, not this demo's relative one.
    ['api', api ? new URL(api, location.href).href : ''],
    ['agency', value('agency')],
    ['lang', value('lang') === 'vi' ? '' : value('lang')],
    ['form-url', value('form-url')],
    ['page-size', value('page-size') === '10' ? '' : value('page-size')],
  ];
  return { tag: value('widget'), attributes: attributes.filter(([, v]) => v), primary: value('primary') };
}

function update(): void {
  const { tag, attributes, primary } = options();
  const attributeText = attributes.map(([name, v]) => ` ${name}="${escapeAttribute(v)}"`).join('');
  const style = primary.toLowerCase() === '#0b5cad' ? '' : ` style="--dvc-color-primary: ${primary}"`;
  snippet.value = `<script type="module" src="${scriptUrl}"></script>\n<${tag}${attributeText}${style}></${tag}>`;

  // The live preview is built with DOM calls, never from the snippet's HTML.
  const element = document.createElement(tag);
  for (const [name, v] of attributes) element.setAttribute(name, v);
  element.setAttribute('no-history', '');
  element.style.setProperty('--dvc-color-primary', primary);
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

form.addEventListener('input', update);
form.addEventListener('change', update);
document.querySelector('#copy')!.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
    copyStatus.textContent = 'Đã sao chép đoạn mã.';
  } catch {
    snippet.select();
    copyStatus.textContent = 'Không sao chép tự động được: đoạn mã đã được chọn, hãy nhấn Ctrl+C.';
  }
});
update();
void loadAgencies();
