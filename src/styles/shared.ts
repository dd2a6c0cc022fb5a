/**
 * Styles every widget shares: the themeable tokens and the base look of
 * text, buttons, fields and focus.
 *
 * Why typography sits on `.root` and not on `:host`: a hostile page rule like
 * `* { font-family: X !important; color: red !important }` matches our host
 * element (it lives in the page's DOM) and would be inherited by everything in
 * the shadow root. Rules on `.root`, inside the shadow root, are out of its reach.
 *
 * Public custom properties (documented once, on `DvcElement`, whose JSDoc the
 * manifest gives every element):
 * --dvc-color-primary, --dvc-color-on-primary, --dvc-color-text,
 * --dvc-color-text-muted, --dvc-color-background, --dvc-color-surface,
 * --dvc-color-border, --dvc-color-error, --dvc-color-success,
 * --dvc-color-focus, --dvc-radius, --dvc-space, --dvc-font-family, --dvc-font-size.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    display: block;
    --_primary: var(--dvc-color-primary, #0b5cad);
    --_on-primary: var(--dvc-color-on-primary, #ffffff);
    --_text: var(--dvc-color-text, #1b1b1b);
    --_muted: var(--dvc-color-text-muted, #4b5563);
    --_bg: var(--dvc-color-background, #ffffff);
    --_surface: var(--dvc-color-surface, #f3f5f8);
    --_border: var(--dvc-color-border, #6b7280);
    --_error: var(--dvc-color-error, #b3261e);
    --_success: var(--dvc-color-success, #1e6b34);
    --_focus: var(--dvc-color-focus, #b35c00);
    --_radius: var(--dvc-radius, 0.25em);
    --_space: var(--dvc-space, 1em);
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    box-sizing: border-box;
    /* The host page's font by default; 16 px at least, because citizens read
       on small phones and CMS themes often shrink the root size. */
    font-family: var(--dvc-font-family, inherit);
    font-size: var(--dvc-font-size, max(1rem, 16px));
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    text-align: start;
    overflow-wrap: anywhere;
    /* Inherited text settings cross the shadow boundary: an old theme's
       uppercase, nowrap or letter-spacing would otherwise reach our text. */
    font-style: normal;
    font-weight: normal;
    font-variant: normal;
    text-transform: none;
    text-indent: 0;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    word-break: normal;
    hyphens: manual;
    text-shadow: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  p {
    margin: 0 0 0.75em;
  }
  a {
    color: var(--_primary);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Focus moved by a script scrolls only as far as the window's edge; on a
     page with a fixed header that is under the header. A margin measured in
     em (not rem: themes shrink the root size) keeps the focused thing in view. */
  h2,
  h3,
  [tabindex='-1'],
  a,
  button,
  input,
  select,
  textarea {
    scroll-margin-block-start: var(--dvc-scroll-margin-top, 6em);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
    /* 44 px targets (WCAG 2.5.8 asks 24; thumbs on cheap phones need more). */
    min-height: 2.75em;
  }
  button {
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.5em 1em;
    border: 2px solid var(--_primary);
    background: var(--_bg);
    color: var(--_primary);
    font-weight: 600;
  }
  button.primary,
  a.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  a.primary {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.link {
    border: none;
    background: none;
    padding: 0.25em 0;
    color: var(--_primary);
    text-decoration: underline;
    font-weight: normal;
  }
  input,
  select {
    width: 100%;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: 0.4em 0.6em;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.5em;
    border-radius: 1em;
    border: 1px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
  }
  .notice {
    border-inline-start: 0.3em solid var(--_primary);
    background: var(--_surface);
    padding: 0.75em 1em;
    margin: 0 0 1em;
  }
  .notice.error {
    border-color: var(--_error);
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  /* Windows high contrast: system colours replace ours; keep borders and focus visible. */
  @media (forced-colors: active) {
    button,
    a.primary,
    .badge,
    .notice {
      border: 1px solid CanvasText;
      forced-color-adjust: auto;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
