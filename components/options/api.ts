import type { Send } from '../../lib/messages';
import type { Settings } from '../../lib/settings';

/** Merges a patch into the stored settings; resolves to an error sentence, or undefined when saved. Each section gets it from Options. */
export type SaveSettings = (patch: Partial<Settings>) => Promise<string | undefined>;

/** What the options page needs from the browser, passed in so the form runs in tests. */
export interface OptionsApi {
  /** The raw `settings` value from storage (parsed with parseSettings by the page). */
  loadSettings(): Promise<unknown>;
  saveSettings(settings: Settings): Promise<void>;
  send: Send;
  /** Must be called synchronously from a click handler: browsers only ask during a user gesture. */
  requestOrigins(origins: string[]): Promise<boolean>;
  removeOrigins(origins: string[]): Promise<boolean>;
  hasOrigins(origins: string[]): Promise<boolean>;
}
