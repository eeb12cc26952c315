// The client settings (`sinchConflicts.*`), their defaults and bounds. Plain functions, so unit
// tests check the bounds without VS Code; settings.ts reads the values from the user settings.

export interface ClientSettings {
  timeoutMs: number;
  maxConcurrentRequests: number;
  maxRequestsPerSecond: number;
}

export interface SettingRule {
  /** Name below `sinchConflicts.`. */
  key: string;
  defaultValue: number;
  minimum: number;
  maximum: number;
}

/** The same defaults and bounds as `contributes.configuration` in package.json. */
export const CLIENT_SETTING_RULES = {
  timeoutSeconds: { key: 'requestTimeoutSeconds', defaultValue: 30, minimum: 1, maximum: 600 },
  maxConcurrentRequests: { key: 'maxConcurrentRequests', defaultValue: 10, minimum: 1, maximum: 100 },
  // The Conversation API allows 800 requests per second per project.
  maxRequestsPerSecond: { key: 'maxRequestsPerSecond', defaultValue: 700, minimum: 1, maximum: 800 },
} as const satisfies Record<string, SettingRule>;

export interface SettingsReading {
  settings: ClientSettings;
  /** One line per value that was ignored, for the log. */
  problems: string[];
}

/**
 * Turns raw setting values into client options. A value that is not a whole number within
 * its bounds falls back to the default and is reported, so a typo never stops the client.
 */
export function clientSettingsFrom(read: (key: string) => unknown): SettingsReading {
  const problems: string[] = [];

  const pick = (rule: SettingRule): number => {
    const value = read(rule.key);
    if (value === undefined) {
      return rule.defaultValue;
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= rule.minimum && value <= rule.maximum) {
      return value;
    }
    problems.push(
      `Setting sinchConflicts.${rule.key} is ${JSON.stringify(value)}, which is not a whole number from ` +
        `${rule.minimum} to ${rule.maximum}; using the default ${rule.defaultValue}.`,
    );
    return rule.defaultValue;
  };

  return {
    settings: {
      timeoutMs: pick(CLIENT_SETTING_RULES.timeoutSeconds) * 1000,
      maxConcurrentRequests: pick(CLIENT_SETTING_RULES.maxConcurrentRequests),
      maxRequestsPerSecond: pick(CLIENT_SETTING_RULES.maxRequestsPerSecond),
    },
    problems,
  };
}
