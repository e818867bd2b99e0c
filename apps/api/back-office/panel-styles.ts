/**
 * The few layout fixes AdminJS's own styles need, served as one same-origin stylesheet
 * (PANEL_STYLESHEET_PATH, listed in the panel's `assets`). Each rule says what it fixes.
 */
export const PANEL_STYLESHEET_PATH = '/creatorops.css';

export const PANEL_STYLESHEET = `
/* A record page's heading and its action buttons: a booking has a dozen decisions, and AdminJS
   lays them out in one row that overlaps the heading and runs off the right edge. The heading
   keeps its line; the buttons wrap below it. */
[data-css$="-action-header"] section:has(> section > h2) {
  flex-direction: column;
  align-items: stretch;
}
[data-css$="-action-header"] section:has(> h2) {
  width: auto;
  flex-shrink: 0;
}
[data-css$="-action-header"] section:has(> section > .adminjs_ButtonGroupItem) {
  width: auto;
  max-width: 100%;
  margin: 8px 0 16px;
}
[data-css$="-action-header"] section:has(> .adminjs_ButtonGroupItem) {
  display: flex;
  flex-wrap: wrap;
  gap: 8px 0;
  width: auto;
  max-width: 100%;
}
`;
