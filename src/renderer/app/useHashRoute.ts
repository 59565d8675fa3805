/**
 * The current screen, read from and written to the URL fragment; the back
 * button works because every navigation is a fragment change.
 */
import { useCallback, useEffect, useState } from 'react';
import { hashForRoute, routeFromHash, type Route } from './hashRoute';

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));

  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback((next: Route) => {
    const hash = hashForRoute(next, window.location.hash);
    if (hash !== window.location.hash) window.location.hash = hash;
    setRoute(next);
  }, []);

  return [route, navigate];
}
