// Shapes of a merge prediction. The module is pure (no `vscode`, no Node APIs) because the
// compare webview's browser bundle and the merge command both use it.
import type { ChannelIdentity, Contact, ConversationChannel } from '../sinch/types';

/** The optional contact fields that merge copies from the source when the destination's is empty. */
export type MergeField = 'display_name' | 'email' | 'external_id' | 'language' | 'metadata';

export const MERGE_FIELDS: readonly MergeField[] = ['display_name', 'email', 'external_id', 'language', 'metadata'];

/** A source field value that the merged contact will not hold. */
export interface LostField {
  kind: 'field';
  sourceId: string;
  field: MergeField;
  value: string;
}

/** A source identity on a channel the destination already had, so merge drops it. */
export interface LostIdentity {
  kind: 'identity';
  sourceId: string;
  channel: ConversationChannel;
  identity: string;
  app_id?: string;
}

export type LostValue = LostField | LostIdentity;

/** A source identity that merge moves to the destination. */
export interface MovedIdentity extends ChannelIdentity {
  sourceId: string;
}

/** A source field value that fills an empty field of the destination. */
export interface CopiedField {
  sourceId: string;
  field: MergeField;
  value: string;
}

/** A channel appended to the end of the destination's `channel_priority`. */
export interface AppendedChannel {
  sourceId: string;
  channel: ConversationChannel;
}

/** Values that move from the source (or sources) into the destination. */
export interface MergeMoves {
  identities: MovedIdentity[];
  fields: CopiedField[];
  priority: AppendedChannel[];
}

export interface MergePrediction {
  /** The destination as it should read after the merge; it keeps its `id`. */
  result: Contact;
  lost: LostValue[];
  moved: MergeMoves;
}

export interface MergeChainPrediction extends MergePrediction {
  /** One prediction per source, in merge order; each step's destination is the previous result. */
  steps: MergePrediction[];
}
