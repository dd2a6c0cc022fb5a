/**
 * The lookup names the dossier's case (trường hợp) when its procedure has
 * several, as the receipt did (issue 16), and says nothing of one where the
 * procedure has only one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { DossierView } from '../../src/api/contract/lookup.js';
import { DemoAdapter } from '../../stories/adapters/demo-adapter.js';
import { DemoLookup } from '../../stories/adapters/demo-lookup.js';
import type { DvcStatusLookup } from '../../src/status-lookup.js';
import '../../src/status-lookup.js';
import { caseView, DEMO_SECRET, statusViews } from '../../stories/fixtures/dossier-views.js';
import { $, until } from '../support/fixtures.js';
import { facts, lookUp } from '../support/lookup.js';

const REISSUE = caseView.case!.name;
const single = statusViews[3]!;
const withCase = caseView;

async function lookupOf(view: DossierView) {
  const lookup = new DemoLookup([single, withCase].map((item) => ({ view: item, secret: DEMO_SECRET })));
  const adapter = new DemoAdapter({ agencies: [], procedures: [] }, { latencyMs: 20, lookup });
  const element = await fixture<DvcStatusLookup>(html`<dvc-status-lookup .adapter=${adapter}></dvc-status-lookup>`);
  await until(() => $(element, '#code'), 'the form did not appear');
  await lookUp(element, view.code, DEMO_SECRET);
  return element;
}

describe('<dvc-status-lookup> and the case of a dossier', () => {
  it('names the case after the procedure when the dossier has one', async () => {
    const element = await lookupOf(withCase);
    const shown = facts(element);
    expect(shown[0]).to.equal('Thủ tục: Cấp Giấy xác nhận tình trạng hôn nhân (1.004873)');
    expect(shown[1]).to.equal(`Trường hợp: ${REISSUE}`);
    await expect(element).to.be.accessible();
  });

  it('names none for a procedure with one case', async () => {
    const element = await lookupOf(single);
    expect(facts(element).filter((line) => line.startsWith('Trường hợp'))).to.deep.equal([]);
  });
});
