import { useEffect, type ReactNode } from 'react';

/** Sets the document title for the page it wraps. */
export function PageTitle({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · eBay Connector`;
  }, [title]);
  return children;
}
