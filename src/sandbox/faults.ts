// Injected faults: errors, resets, broken bodies and delays that replace or hold the normal
// response of the next matching calls of a route.
import type { FaultSpec, RouteName } from './api';

export const ROUTE_NAMES: readonly RouteName[] = [
  'token',
  'listApps',
  'listContacts',
  'getContact',
  'createContact',
  'listConflicts',
  'merge',
  'getSettings',
  'patchSettings',
];

const FAULT_KINDS: readonly FaultSpec['kind'][] = ['status', 'reset', 'malformed', 'delay'];

/** A fault with its defaults filled in and the calls it has left. */
export interface ActiveFault extends FaultSpec {
  when: 'before' | 'after';
  remaining: number;
}

/** Checks a fault from a test or the control route and throws an Error that names the bad field. */
export function validateFault(fault: FaultSpec): void {
  if (!ROUTE_NAMES.includes(fault.route)) {
    throw new Error(`Invalid fault route "${String(fault.route)}": use one of ${ROUTE_NAMES.join(', ')}.`);
  }
  if (!FAULT_KINDS.includes(fault.kind)) {
    throw new Error(`Invalid fault kind "${String(fault.kind)}": use one of ${FAULT_KINDS.join(', ')}.`);
  }
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status! >= 400 && fault.status! <= 599)) {
    throw new Error(`Invalid fault status ${String(fault.status)}: a status fault needs an HTTP error code from 400 to 599.`);
  }
  if (fault.kind === 'delay' && !(typeof fault.delayMs === 'number' && fault.delayMs >= 0)) {
    throw new Error(`Invalid fault delayMs ${String(fault.delayMs)}: a delay fault needs delayMs >= 0.`);
  }
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times >= 1)) {
    throw new Error(`Invalid fault times ${String(fault.times)}: use a whole number >= 1.`);
  }
  if (fault.when !== undefined && fault.when !== 'before' && fault.when !== 'after') {
    throw new Error(`Invalid fault when "${String(fault.when)}": use "before" or "after".`);
  }
}

/** Faults in the order they were injected; the oldest one for a route applies first. */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(fault: FaultSpec): void {
    validateFault(fault);
    this.faults.push({ ...fault, when: fault.when ?? 'before', remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /** Counts down and returns the fault for one call of `route`, if any. */
  take(route: RouteName): ActiveFault | undefined {
    const index = this.faults.findIndex((fault) => fault.route === route);
    if (index < 0) {
      return undefined;
    }

    const fault = this.faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) {
      this.faults.splice(index, 1);
    }
    return { ...fault };
  }
}
