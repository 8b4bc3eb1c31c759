/**
 * While a printable page (the poster, the close report) is shown, the document carries a class that the print
 * stylesheet (campaign-media.css) keys on: the console's frame — header, navigation, footer, staff bar, controls —
 * is not printed, only the page's printable part.
 */
import { useEffect } from 'preact/hooks';

export function usePrintablePage(kind: 'poster' | 'report'): void {
  useEffect(() => {
    const name = `printing-${kind}`;
    document.documentElement.classList.add('printable-page', name);
    return () => document.documentElement.classList.remove('printable-page', name);
  }, [kind]);
}
