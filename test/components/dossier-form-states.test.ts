/** What <dvc-dossier-form> says when it cannot show a form: an unknown procedure, one not filed online, a broken definition, the backend down or not configured. */
import { expect, html } from '@open-wc/testing';
import type { FormDefinition } from '../../src/api/contract/index.js';
import { formWidget, KHAI_SINH, SpyAdapter } from '../support/dossier-form.js';
import { $, captureConsoleErrors, servers, textOf } from '../support/fixtures.js';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('<dvc-dossier-form>', () => {
  it('says so for an unknown procedure and for one that cannot be filed online', async () => {
    const unknown = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure="9.999999" no-history></dvc-dossier-form>`,
    );
    expect(textOf(unknown)).to.include('Không tìm thấy thủ tục này');
    await expect(unknown).to.be.accessible();
    const offline = await formWidget(
      html`<dvc-dossier-form api=${servers.api} procedure="1.000689" procedure-url="/thu-tuc" no-history></dvc-dossier-form>`,
    );
    expect(textOf(offline)).to.include('Thủ tục này chưa nhận hồ sơ trực tuyến');
    const link = $<HTMLAnchorElement>(offline, '[part="error"] a')!;
    expect(new URL(link.href).search).to.equal('?procedure=1.000689');
    await expect(offline).to.be.accessible();
  });
  it('shows a citizen message and tells the webmaster why for a broken definition', async () => {
    for (const [breakIt, expected] of [
      [
        (real: FormDefinition) => ({
          ...real,
          sections: [{ ...real.sections[0]!, fields: [{ id: 'x', type: 'signature', label: 'Chữ ký' }] }],
        }),
        'sections.0.fields.0',
      ],
      [
        (real: FormDefinition) => ({
          ...real,
          sections: [
            {
              ...real.sections[0]!,
              fields: [{ id: 'x', type: 'text', label: 'X', when: { field: 'khong-co', is: 'a' } }],
            },
          ],
        }),
        '"khong-co"',
      ],
      // What only the contract's checks beyond shape see: the same section (and so the same fields) twice.
      [(real: FormDefinition) => ({ ...real, sections: [...real.sections, real.sections[0]!] }), 'twice'],
    ] as const) {
      const adapter = new SpyAdapter(servers.api);
      adapter.form = breakIt;
      const console = captureConsoleErrors();
      try {
        const element = await formWidget(
          html`<dvc-dossier-form .adapter=${adapter} procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
        );
        expect(textOf(element)).to.include('Biểu mẫu của thủ tục này đang bị lỗi');
        await expect(element).to.be.accessible();
      } finally {
        console.restore();
      }
      expect(console.calls.map((call) => call.join(' ')).join('\n')).to.include(expected);
    }
  });
  it('offers a retry when the backend is down, and a configuration error without api', async () => {
    const console = captureConsoleErrors();
    try {
      const down = await formWidget(
        html`<dvc-dossier-form api="http://127.0.0.1:9/api/v1" procedure=${KHAI_SINH} no-history></dvc-dossier-form>`,
      );
      expect(textOf(down)).to.include('Không kết nối được');
      expect($(down, '[part="retry-button"]')).not.to.equal(null);
      const unset = await formWidget(html`<dvc-dossier-form procedure=${KHAI_SINH} no-history></dvc-dossier-form>`);
      expect(textOf(unset)).to.include('chưa được cấu hình đúng');
      await expect(unset).to.be.accessible();
    } finally {
      console.restore();
    }
  });
});
