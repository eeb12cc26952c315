// The merge rules: a pure module shared by the merge command and the compare webview bundle.
export * from './types';
export { isEmptyField, isSameIdentity, predictMerge, predictMergeChain } from './predict';
export * from './comparison';
