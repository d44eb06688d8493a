// The in-page CSS as a string (minified by Vite), adopted by every badge's closed shadow root.
import css from './inpage.css?inline';

export const INPAGE_CSS: string = css;
