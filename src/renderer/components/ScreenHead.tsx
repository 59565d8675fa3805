/**
 * A screen's head: its title (h1), a line or two on what the screen shows
 * (the children), and the screen's actions beside them when it has any.
 */
import type { ReactNode } from 'react';

export interface ScreenHeadProps {
  title: ReactNode;
  /** The intro paragraph's class (each screen's stylesheet styles its own). */
  introClassName?: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function ScreenHead({ title, introClassName = 'coverage__intro', actions, children }: ScreenHeadProps) {
  return (
    <div className="library__head">
      <div>
        <h1>{title}</h1>
        <p className={introClassName}>{children}</p>
      </div>
      {actions}
    </div>
  );
}
