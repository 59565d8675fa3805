/**
 * A screen's head: its title (h1), a line or two on what the screen shows
 * (the children), and the screen's actions beside them when it has any.
 */
import type { ReactNode } from 'react';

export interface ScreenHeadProps {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

export function ScreenHead({ title, actions, children }: ScreenHeadProps) {
  return (
    <div className="library__head">
      <div>
        <h1>{title}</h1>
        <p className="screen-head__intro">{children}</p>
      </div>
      {actions}
    </div>
  );
}
