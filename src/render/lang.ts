/** The two things every renderer is given: the language of its words and the paint of its colours. */
export type Lang = 'zh' | 'en';

/** Colour functions: chalk's when the output is a terminal that wants colour, identity otherwise. */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}
