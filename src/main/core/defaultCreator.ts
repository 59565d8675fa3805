/** The name written as the creator of new annotations: the account's user name, else "researcher". */
import { userInfo } from 'node:os';

export function defaultCreator(readUserName: () => string = () => userInfo().username): string {
  try {
    const name = readUserName().trim();
    return name || 'researcher';
  } catch {
    // No user entry for this uid (containers, some CI systems).
    return 'researcher';
  }
}
