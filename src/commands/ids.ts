// Every command ID in one place; package.json declares the same set (a unit test checks both ways).
export const COMMAND_IDS = {
  addProject: 'sinchConflicts.addProject',
  editProject: 'sinchConflicts.editProject',
  removeProject: 'sinchConflicts.removeProject',
  importFromEnvironment: 'sinchConflicts.importFromEnvironment',
  trySampleData: 'sinchConflicts.trySampleData',
  refresh: 'sinchConflicts.refresh',
  filter: 'sinchConflicts.filter',
  clearFilter: 'sinchConflicts.clearFilter',
  loadMore: 'sinchConflicts.loadMore',
  loadAll: 'sinchConflicts.loadAll',
  compareContacts: 'sinchConflicts.compareContacts',
  compareRawJson: 'sinchConflicts.compareRawJson',
  mergeConflict: 'sinchConflicts.mergeConflict',
  openJson: 'sinchConflicts.openJson',
  copyId: 'sinchConflicts.copyId',
  showMergeHistory: 'sinchConflicts.showMergeHistory',
  showLogs: 'sinchConflicts.showLogs',
} as const;

export type CommandId = (typeof COMMAND_IDS)[keyof typeof COMMAND_IDS];
