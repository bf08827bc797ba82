/**
 * How many boxes of one answer get a chip (a button that highlights its box). Boxes are numbered in the order
 * the answer mentions them, so "box n > MAX_CHIPS" is "past the first MAX_CHIPS". The rest are shown as their
 * number in brackets, as plain text: 20,000 chips were 20,000 React components, 40,000 store subscriptions and
 * 20,000 inline boxes for the browser to style and lay out, and held the window for seconds. Every box stays
 * reachable from the box list under the answer, which is windowed (box-list.tsx) and says how many chips there are.
 */
export const MAX_CHIPS = 500;
