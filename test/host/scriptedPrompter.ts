// An InputPrompter that answers from a script, so in-host tests can run the profile commands
// end to end. It runs each input box's validateInput the way VS Code does: an answer with an
// error is recorded and the next attempt is tried, as when a user corrects the text.
import * as vscode from 'vscode';
import type { InputPrompter } from '../../src/profiles/prompter';

/** An input answer: text, a function of the box (to accept its prefilled value), or undefined for Escape. */
export type InputAnswer = string | undefined | ((options: vscode.InputBoxOptions) => string | undefined);

export type ScriptStep =
  | { input: InputAnswer | InputAnswer[] }
  | { pick: string | undefined }
  | { message: string | undefined };

export interface ShownPrompt {
  kind: 'input' | 'pick' | 'message';
  /** Input box and quick pick options, or message options. */
  options: vscode.InputBoxOptions | vscode.QuickPickOptions | vscode.MessageOptions;
  /** Labels of the quick pick items or buttons of a message. */
  choices: string[];
  /** Message text, or the prefilled value of an input box. */
  text?: string;
  severity?: 'error' | 'warning' | 'info';
}

export class ScriptedPrompter implements InputPrompter {
  readonly prompts: ShownPrompt[] = [];
  /** Validation errors that rejected an answer. */
  readonly rejected: string[] = [];
  /** Validation warnings that let an answer through. */
  readonly warned: string[] = [];
  /** Where the command and the script disagreed; the command wrapper hides these errors otherwise. */
  readonly mismatches: string[] = [];
  private readonly steps: ScriptStep[];

  constructor(steps: ScriptStep[]) {
    this.steps = [...steps];
  }

  /** Steps the commands did not reach. */
  get remaining(): number {
    return this.steps.length;
  }

  async inputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.prompts.push({ kind: 'input', options, choices: [], text: options.value });
    const step = this.take('input', options.title ?? options.prompt ?? '');
    if (!('input' in step)) {
      throw new Error('unreachable');
    }

    const attempts = Array.isArray(step.input) ? step.input : [step.input];
    for (const attempt of attempts) {
      const answer = typeof attempt === 'function' ? attempt(options) : attempt;
      if (answer === undefined) {
        return undefined;
      }
      const problem = await options.validateInput?.(answer);
      const message = typeof problem === 'string' ? problem : problem?.message;
      const severity = typeof problem === 'string' ? vscode.InputBoxValidationSeverity.Error : problem?.severity;
      if (message === undefined || message === '') {
        return answer;
      }
      if (severity === vscode.InputBoxValidationSeverity.Error) {
        this.rejected.push(message);
        continue;
      }
      this.warned.push(message);
      return answer;
    }
    // Every attempt was rejected: the user gives up with Escape.
    return undefined;
  }

  async quickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    this.prompts.push({ kind: 'pick', options, choices: items.map((item) => item.label) });
    const step = this.take('pick', options.title ?? options.placeHolder ?? '');
    if (!('pick' in step) || step.pick === undefined) {
      return undefined;
    }

    const item = items.find((candidate) => candidate.label === step.pick);
    if (item === undefined) {
      throw this.mismatch(`The script picks "${step.pick}", but the quick pick offers ${items.map((i) => `"${i.label}"`).join(', ')}.`);
    }
    return item;
  }

  async message(
    severity: 'error' | 'warning' | 'info',
    text: string,
    options: vscode.MessageOptions,
    ...actions: string[]
  ): Promise<string | undefined> {
    this.prompts.push({ kind: 'message', options, choices: actions, text, severity });
    const step = this.take('message', text);
    if (!('message' in step)) {
      throw new Error('unreachable');
    }
    if (step.message !== undefined && !actions.includes(step.message)) {
      throw this.mismatch(`The script clicks "${step.message}", but the message offers ${actions.join(', ')}.`);
    }
    return step.message;
  }

  private take(kind: 'input' | 'pick' | 'message', description: string): ScriptStep {
    const step = this.steps.shift();
    if (step === undefined) {
      throw this.mismatch(`The script has no answer for the ${kind} "${description}".`);
    }
    if (!(kind in step)) {
      throw this.mismatch(`The script expected ${Object.keys(step)[0]} but the command showed the ${kind} "${description}".`);
    }
    return step;
  }

  private mismatch(text: string): Error {
    this.mismatches.push(text);
    return new Error(text);
  }
}
