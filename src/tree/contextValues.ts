// `contextValue`s of tree items, which menus in package.json match with `viewItem` clauses.
// A unit test checks that every value here is used by a menu and every menu value is here.
export const CONTEXT_VALUES = {
  profile: 'profile',
  sandboxProfile: 'profile.sandbox',
  conflictsRoot: 'conflictsRoot',
  appsRoot: 'appsRoot',
  app: 'app',
  conflict: 'conflict',
  contact: 'contact',
} as const;
