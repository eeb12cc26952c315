// One ProjectModel per profile, created on first use and dropped when the profile goes away.
import type { Profile } from '../profiles/types';
import type { App } from '../sinch/types';
import type { ProjectApi } from './projectApi';
import { ConflictListState, ProjectModel } from './projectModel';

export interface ProjectConnector {
  /** Returns the API client for a profile: reads its secret and, for the sandbox, starts it. */
  apiFor(profile: Profile): Promise<ProjectApi>;
  isSecretSessionOnly(profileId: string): boolean;
}

export class ProjectRegistry {
  private readonly models = new Map<string, { profile: Profile; model: ProjectModel; unsubscribe: () => void }>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly connector: ProjectConnector) {}

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  model(profile: Profile): ProjectModel {
    const known = this.models.get(profile.id);
    if (known && sameConnection(known.profile, profile)) {
      return known.model;
    }
    known?.unsubscribe();
    const model = new ProjectModel(() => this.connector.apiFor(profile));
    const unsubscribe = model.onDidChange(() => this.listeners.forEach((listener) => listener()));
    this.models.set(profile.id, { profile, model, unsubscribe });
    return model;
  }

  /** Returns the model of a profile if one was created, without creating it. */
  existing(profileId: string): ProjectModel | undefined {
    return this.models.get(profileId)?.model;
  }

  peekConflicts(profileId: string): ConflictListState | undefined {
    return this.existing(profileId)?.conflictState();
  }

  peekApps(profileId: string): App[] | undefined {
    const state = this.existing(profileId)?.appsState();
    return state?.status === 'loaded' ? state.value : undefined;
  }

  isSecretSessionOnly(profileId: string): boolean {
    return this.connector.isSecretSessionOnly(profileId);
  }

  /** Drops models whose profile no longer exists, and resets those whose connection changed. */
  retain(profiles: Profile[]): void {
    const byId = new Map(profiles.map((profile) => [profile.id, profile]));
    for (const [id, entry] of this.models) {
      const current = byId.get(id);
      if (!current || !sameConnection(entry.profile, current)) {
        entry.unsubscribe();
        this.models.delete(id);
      } else {
        entry.profile = current;
      }
    }
  }

  resetAll(): void {
    for (const { model } of this.models.values()) {
      model.reset();
    }
  }
}

function sameConnection(a: Profile, b: Profile): boolean {
  return a.projectId === b.projectId && a.region === b.region && a.keyId === b.keyId && a.authMethod === b.authMethod;
}
