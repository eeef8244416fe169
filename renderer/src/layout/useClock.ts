import { useEffect, useState } from 'react';

/** The time now, renewed every `everyMs`: views whose words depend on the clock (alerts, countdowns) stay true while nothing else changes. */
export function useClock(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
