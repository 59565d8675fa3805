/**
 * The corpus-wide links every article view needs: groups (one quote or claim
 * followed across articles), Quote→Source credits, and which group is in
 * focus (its members are outlined in every open article). Provided once by
 * the app (`useCrossLinks`); read with `useCrossLinksContext()`.
 */
import { createContext, useContext } from 'react';
import type { AnnotationRef, Group, SourceLink } from '../../shared/crossArticle/crossArticle';

export interface CrossLinks {
  groups: readonly Group[];
  sourceLinks: readonly SourceLink[];
  focusGroupId: string | null;
  setFocusGroup: (groupId: string | null) => void;
  /** A group made elsewhere (accepting an alignment): show it. */
  addGroup: (group: Group) => void;
  /** Resolves to the new group, or null when it failed (the error is reported). */
  createGroup: (label: string, members: readonly AnnotationRef[]) => Promise<Group | null>;
  removeFromGroup: (groupId: string, member: AnnotationRef) => Promise<void>;
  /** Adds the annotation to an existing group; resolves false when it failed (the error is reported). */
  addToGroup: (groupId: string, member: AnnotationRef) => Promise<boolean>;
  /** Credits the quote to the source (null: to nobody), replacing any earlier credit. */
  setCredit: (quote: AnnotationRef, source: AnnotationRef | null) => Promise<void>;
  /** Fetches groups and links again (after a delete the core may have dropped members). */
  reload: () => void;
}

const none: CrossLinks = {
  groups: [],
  sourceLinks: [],
  focusGroupId: null,
  setFocusGroup: () => {},
  addGroup: () => {},
  createGroup: () => Promise.resolve(null),
  removeFromGroup: () => Promise.resolve(),
  addToGroup: () => Promise.resolve(false),
  setCredit: () => Promise.resolve(),
  reload: () => {},
};

export const CrossLinksContext = createContext<CrossLinks>(none);

export function useCrossLinksContext(): CrossLinks {
  return useContext(CrossLinksContext);
}
