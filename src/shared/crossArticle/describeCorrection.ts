/**
 * One correction of the people index in words, for messages and the undo
 * history: `merge "bill-browder" into "boris-bondarev"`.
 */
import type { EntityCorrection } from './entitySchemas';

export function describeCorrection(c: EntityCorrection): string {
  switch (c.op) {
    case 'merge':
      return `merge "${c.from}" into "${c.into}"`;
    case 'rename':
      return `rename "${c.id}" to ${c.name}`;
    case 'kind':
      return `make "${c.id}" ${/^[aeiou]/.test(c.kind) ? 'an' : 'a'} ${c.kind}`;
    case 'split':
      return `split "${c.alias}" off "${c.id}" as "${c.newId}"`;
  }
}
