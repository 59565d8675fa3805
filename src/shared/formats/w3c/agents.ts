/**
 * The W3C Agents an export names: the person who made an annotation (by the
 * creator name Triangulate stores: it is both their `name` and `nickname`,
 * and their `id` is a URN built from it, so the same name is the same agent
 * across files) and the software that wrote the file (`generator`).
 */
export interface W3CAgent {
  id: string;
  type: 'Person' | 'Software';
  name: string;
  nickname: string;
}

const CREATOR_URN = 'urn:triangulate:creator:';

export function creatorAgent(name: string): W3CAgent {
  return { id: `${CREATOR_URN}${encodeURIComponent(name)}`, type: 'Person', name, nickname: name };
}

/** The creator name behind one of our agent ids, or null for another tool's id. */
export function creatorNameFromId(id: string): string | null {
  if (!id.startsWith(CREATOR_URN)) return null;
  try {
    return decodeURIComponent(id.slice(CREATOR_URN.length));
  } catch {
    return null;
  }
}

export const GENERATOR: W3CAgent = { id: 'urn:triangulate:software', type: 'Software', name: 'Triangulate', nickname: 'triangulate' };
