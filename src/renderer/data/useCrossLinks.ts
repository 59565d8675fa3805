/**
 * Loads groups and source links and keeps them current as the user links,
 * unlinks and credits. Every change goes through the API first; the shown
 * lists change only when it succeeded (failures go to the error banner).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AnnotationRef, Group, SourceLink } from '../../shared/crossArticle/crossArticle';
import { getApi } from '../api/getApi';
import { useDataChanged } from '../app/dataChanged';
import type { CrossLinks } from './crossLinksContext';
import { useReportError } from '../app/reportErrorContext';
import { sameRef } from './sameRef';

export function useCrossLinks(): CrossLinks {
  const reportError = useReportError();
  const [groups, setGroups] = useState<Group[]>([]);
  const [sourceLinks, setSourceLinks] = useState<SourceLink[]>([]);
  const [focusGroupId, setFocusGroup] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const api = getApi();
    Promise.all([api.listGroups({}), api.listSourceLinks({})]).then(
      ([g, l]) => {
        if (!live) return;
        setGroups(g);
        setSourceLinks(l);
      },
      (err: unknown) => live && reportError('Could not load the groups and links', err),
    );
    return () => {
      live = false;
    };
  }, [attempt, reportError]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  useDataChanged(reload);

  const addGroup = useCallback((group: Group) => {
    setGroups((list) => [...list.filter((g) => g.id !== group.id), group]);
  }, []);

  const createGroup = useCallback(
    async (label: string, members: readonly AnnotationRef[]) => {
      try {
        const group = await getApi().createGroup({ label, members: [...members] });
        addGroup(group);
        return group;
      } catch (err) {
        reportError('Could not create the group', err);
        return null;
      }
    },
    [addGroup, reportError],
  );

  const removeFromGroup = useCallback(
    async (groupId: string, member: AnnotationRef) => {
      const group = groups.find((g) => g.id === groupId);
      if (!group) return;
      const members = group.members.filter((m) => !sameRef(m, member));
      try {
        if (members.length === 0) {
          await getApi().deleteGroup({ id: groupId });
          setGroups((list) => list.filter((g) => g.id !== groupId));
        } else {
          const updated = await getApi().updateGroup({ id: groupId, members });
          setGroups((list) => list.map((g) => (g.id === groupId ? updated : g)));
        }
      } catch (err) {
        reportError('Could not remove the annotation from the group', err);
      }
    },
    [groups, reportError],
  );

  const addToGroup = useCallback(
    async (groupId: string, member: AnnotationRef) => {
      const group = groups.find((g) => g.id === groupId);
      if (!group) return false;
      if (group.members.some((m) => sameRef(m, member))) return true;
      try {
        const updated = await getApi().updateGroup({ id: groupId, members: [...group.members, member] });
        setGroups((list) => list.map((g) => (g.id === groupId ? updated : g)));
        return true;
      } catch (err) {
        reportError('Could not add the annotation to the group', err);
        return false;
      }
    },
    [groups, reportError],
  );

  const setCredit = useCallback(
    async (quote: AnnotationRef, source: AnnotationRef | null) => {
      const old = sourceLinks.filter((l) => sameRef(l.quote, quote));
      if (source && old.length === 1 && sameRef(old[0]!.source, source)) return;
      try {
        for (const link of old) await getApi().unlinkSource({ id: link.id });
        setSourceLinks((list) => list.filter((l) => !old.includes(l)));
        if (source) {
          const made = await getApi().linkSource({ quote, source });
          setSourceLinks((list) => [...list, made]);
        }
      } catch (err) {
        reportError('Could not change who the quote is credited to', err);
        reload();
      }
    },
    [sourceLinks, reportError, reload],
  );

  return useMemo(
    () => ({ groups, sourceLinks, focusGroupId, setFocusGroup, addGroup, createGroup, removeFromGroup, addToGroup, setCredit, reload }),
    [groups, sourceLinks, focusGroupId, addGroup, createGroup, removeFromGroup, addToGroup, setCredit, reload],
  );
}
