import { css } from 'lit';

/**
 * The drop zone is a visible box around real buttons: dropping is a mouse
 * convenience, the buttons are how keyboards, switches and voice control
 * ("bấm Chọn tệp") get there.
 */
export const uploadStyles = css`
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    margin: 0.25em 0 0.5em;
  }
  .dropzone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding: var(--_space);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .dropzone.over {
    border-style: solid;
    border-color: var(--_primary);
  }
  .files {
    list-style: none;
    margin: 0.75em 0 0;
    padding: 0;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .file img,
  .icon {
    width: 3em;
    height: 3em;
    object-fit: cover;
    border-radius: var(--_radius);
    background: var(--_surface);
    flex: none;
  }
  /* A file with no picture (a PDF, a HEIC photo, an upload restored from a draft) shows its kind. */
  .icon {
    display: grid;
    place-items: center;
    overflow: hidden;
    /* 4em of the smaller type: the 3em of the thumbnails. */
    width: 4em;
    height: 4em;
    font-size: 0.75em;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--_muted);
  }
  /* Where the main pointer cannot hover (a phone, a tablet) there is nothing to drag from: the hint would puzzle. */
  @media (hover: none) {
    .drop-hint {
      display: none;
    }
  }
  .details {
    flex: 1 1 12em;
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .name {
    font-weight: 600;
  }
  .meta {
    color: var(--_muted);
  }
  .done .meta {
    color: var(--_success);
  }
  .error-text {
    color: var(--_error);
  }
  progress {
    width: 100%;
    height: 0.75em;
    accent-color: var(--_primary);
  }
  .actions {
    display: flex;
    gap: 0.5em;
  }
  button.small {
    padding: 0.25em 0.75em;
  }
`;
