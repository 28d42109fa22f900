import { checkWindow, DEFAULT_WINDOW, type ReadingWindow } from './window.js';

/** An organisation's meter settings; the rules' defaults until its admin changes them. */
export type MeterSettings = ReadingWindow & {
  decreasePolicy: 'flag' | 'refuse';
  jumpFactor: number;
  imbalanceTolerancePercent: number;
};

export const DEFAULT_SETTINGS: MeterSettings = {
  ...DEFAULT_WINDOW,
  decreasePolicy: 'flag',
  jumpFactor: 5,
  imbalanceTolerancePercent: 10,
};

export type SettingsProblem = ReturnType<typeof checkWindow> | 'jump_factor_out_of_range' | null;

export function checkSettings(settings: MeterSettings): SettingsProblem {
  const window = checkWindow(settings);

  if (window) {
    return window;
  }

  return settings.jumpFactor >= 2 && settings.jumpFactor <= 100 ? null : 'jump_factor_out_of_range';
}
