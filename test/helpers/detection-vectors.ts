/** The shared detection vectors (test/fixtures/detection.json), split into URL and text cases. */
import vectors from '../fixtures/detection.json';

interface Vector {
  url?: string;
  text?: string;
  expect: unknown[];
  note: string;
}

const all = (vectors as { vectors: Vector[] }).vectors;
export const urlVectors = all.filter((v) => v.url !== undefined);
export const textVectors = all.filter((v) => v.text !== undefined);
