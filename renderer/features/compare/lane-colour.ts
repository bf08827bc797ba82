import { BOX_COLOURS } from '../../../shared/grounding/palette.ts';

/**
 * One colour per lane, for its header, its boxes on the shared image and its chips: red, blue, green, orange
 * from the box palette (the four that stay most apart, also for the common red-green weakness: red vs blue first).
 */
const LANE_COLOURS = [BOX_COLOURS[0], BOX_COLOURS[2], BOX_COLOURS[1], BOX_COLOURS[3]];

export const laneColour = (lane: number): string => LANE_COLOURS[lane % LANE_COLOURS.length];
