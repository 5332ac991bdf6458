/**
 * Styles that let a long account label (up to 100 characters, maybe without a space) wrap inside its box rather
 * than run out of it: a dialog's title and body, an alert.
 */
export const wrapAnywhere = { overflowWrap: 'anywhere', minWidth: 0 } as const;

/** For `Modal`: the title wraps (at a readable line height) and so does the body. */
export const modalWrapStyles = { title: { ...wrapAnywhere, lineHeight: 1.35 }, body: wrapAnywhere } as const;
