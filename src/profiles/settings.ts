// Reads the client settings from the user's settings only. They are declared with
// `"scope": "application"`, and the value is taken from `globalValue` as well, so a workspace
// (a cloned repository's .vscode/settings.json) cannot change them.
import * as vscode from 'vscode';
import { clientSettingsFrom, type ClientSettings } from './clientSettings';

export const SETTINGS_SECTION = 'sinchConflicts';

/** Returns the client settings; `log` receives one warning per invalid value. */
export function clientSettings(log?: { warn(message: string): void }): ClientSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const reading = clientSettingsFrom((key) => configuration.inspect<unknown>(key)?.globalValue);

  for (const problem of reading.problems) {
    log?.warn(problem);
  }
  return reading.settings;
}
