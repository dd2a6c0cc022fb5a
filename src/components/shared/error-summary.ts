/**
 * The error summary every form shows above itself when a submit finds
 * problems, in one markup: GOV.UK Design System's pattern (govuk-frontend's
 * `govuk-error-summary`). A box that takes focus (`tabindex="-1"`, moved to it
 * with `focusSoon(ERROR_SUMMARY)`) holding a `role="alert"` region with the
 * title and one link per problem. The alert sits inside the focused box, as
 * govuk-frontend puts it, so a screen reader reads the problems once when
 * they appear and a keyboard user starts from the list. A link moves focus
 * to its field itself: inside a shadow root `href="#id"` would scroll nowhere.
 * A settled problem (fixed since it was shown) keeps its line, unseen and
 * unread, and the whole box when every one is: nothing below moves until
 * the next submit draws the summary again.
 */
import { css, html, nothing } from 'lit';

/** One problem of the summary: the id of the field it links to and its sentence. */
export interface SummaryProblem {
  id: string;
  text: string;
  /** Fixed since it was shown: its line keeps its room, unseen. */
  settled?: boolean | undefined;
}

export interface ErrorSummaryOptions<P extends SummaryProblem> {
  /** "Có vấn đề cần sửa" / "There is a problem". */
  title: string;
  problems: readonly P[];
  /** Moves focus to the problem's field (its link was followed). */
  focusField: (problem: P) => void;
  /** The heading's level: 2 in a widget of its own, 3 inside a titled step. */
  level?: 2 | 3;
}

/** The selector of the summary, for `focusSoon`/`focusIn` once it is shown. */
export const ERROR_SUMMARY = '.error-summary';

const TITLE_ID = 'error-summary-title';

/** The summary, or nothing when there is no problem. */
export function errorSummary<P extends SummaryProblem>(options: ErrorSummaryOptions<P>) {
  const { title, problems, focusField, level = 2 } = options;
  if (!problems.length) return nothing;
  const follow = (event: Event, problem: P) => {
    event.preventDefault();
    focusField(problem);
  };
  const heading = level === 3 ? html`<h3 id=${TITLE_ID}>${title}</h3>` : html`<h2 id=${TITLE_ID}>${title}</h2>`;
  return html`
    <div class="error-summary ${problems.every((problem) => problem.settled) ? 'settled' : ''}" part="error-summary" tabindex="-1" aria-labelledby=${TITLE_ID}>
      <div role="alert">
        ${heading}
        <ul>
          ${problems.map((problem) => html`<li class=${problem.settled ? 'settled' : ''}><a href="#${problem.id}" @click=${(event: Event) => follow(event, problem)}>${problem.text}</a></li>`)}
        </ul>
      </div>
    </div>
  `;
}

/** The summary's look: a thick error-coloured border, the links in the error colour (`.settled` is in the field frame's styles, which every form with a summary has). */
export const errorSummaryStyles = css`
  .error-summary {
    border: 0.25em solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
    margin: 0 0 var(--_space);
  }
  .error-summary h2,
  .error-summary h3 {
    font-size: 1.125em;
  }
  .error-summary ul {
    margin: 0;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
`;
