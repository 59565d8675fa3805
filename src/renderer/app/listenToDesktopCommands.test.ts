import { describe, expect, it } from 'vitest';
import type { AppCommand } from '../../shared/contract/appCommandNames';
import { isTextField, listenToDesktopCommands, type CommandSource } from './listenToDesktopCommands';

function menu() {
  let listener: ((command: AppCommand) => void) | null = null;
  const source: CommandSource = {
    onCommand(l) {
      listener = l;
      return () => void (listener = null);
    },
  };
  return { source, click: (command: AppCommand) => listener?.(command) };
}

function target(inField: boolean) {
  const log: string[] = [];
  return {
    log,
    run: (command: AppCommand) => void log.push(`app:${command}`),
    focusInTextField: () => inField,
    textUndo: (command: 'undo' | 'redo') => void log.push(`text:${command}`),
  };
}

const element = (tagName: string, attributes: Record<string, string> = {}) =>
  ({ tagName, getAttribute: (name: string) => attributes[name] ?? null }) as unknown as Element;

describe('listenToDesktopCommands', () => {
  it('runs the menu’s commands in the app', () => {
    const { source, click } = menu();
    const t = target(false);
    listenToDesktopCommands(source, t);
    click('import');
    click('undo');
    click('shortcuts');
    expect(t.log).toEqual(['app:import', 'app:undo', 'app:shortcuts']);
  });

  it('leaves Undo and Redo to a text field that has the focus', () => {
    const { source, click } = menu();
    const t = target(true);
    listenToDesktopCommands(source, t);
    click('undo');
    click('redo');
    click('search');
    expect(t.log).toEqual(['text:undo', 'text:redo', 'app:search']);
  });

  it('does nothing in a browser, where there is no menu', () => {
    expect(() => listenToDesktopCommands(undefined, target(false))()).not.toThrow();
  });
});

describe('isTextField', () => {
  it('knows fields that type text from other controls', () => {
    expect(isTextField(element('TEXTAREA'))).toBe(true);
    expect(isTextField(element('INPUT'))).toBe(true);
    expect(isTextField(element('INPUT', { type: 'search' }))).toBe(true);
    expect(isTextField(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTextField(element('BUTTON'))).toBe(false);
    expect(isTextField(element('DIV', { contenteditable: 'true' }))).toBe(true);
    expect(isTextField(null)).toBe(false);
  });
});
