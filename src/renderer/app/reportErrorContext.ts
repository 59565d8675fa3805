/**
 * How any component reports a failed call: `reportError(action, err)` puts
 * "<action>: <message>" in the app's alert banner. Nothing the user typed is
 * thrown away when this happens; the component keeps its state.
 */
import { createContext, useContext } from 'react';

export type ReportError = (action: string, err: unknown) => void;

export const ReportErrorContext = createContext<ReportError>((action, err) => {
  console.error(action, err);
});

export function useReportError(): ReportError {
  return useContext(ReportErrorContext);
}
