/**
 * This data folder's coder as the app loaded it (getCoder), shared with
 * every screen: the reader's layers tell "mine" from other coders' with it.
 * null until loaded, or when it could not be (a damaged folder).
 */
import { createContext, useContext } from 'react';
import type { Output } from '../../shared/contract/contract';

export type Coder = Output<'getCoder'>;

export const CoderContext = createContext<Coder | null>(null);

export function useCoder(): Coder | null {
  return useContext(CoderContext);
}
