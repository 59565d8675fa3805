/**
 * The app-wide commands the desktop menu can send to the window (and that
 * shortcuts and buttons in the UI also trigger), and the channel they travel
 * on from the main process to the preload. Shared so the menu, the preload
 * and the renderer agree on the names.
 */
export const APP_COMMANDS = [
  'undo',
  'redo',
  'import',
  'shortcuts',
  'search',
  // The View menu's screens: switched in place, so the session (its undo history) stays.
  'show-library',
  'show-reader',
  'show-compare',
  'show-coverage',
  'show-annotations',
  'show-codebook',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const APP_COMMAND_CHANNEL = 'triangulate:command';

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}
