import { Button } from '@mantine/core';
import { useEffect, useState } from 'react';

const KEY = 'cms-ha.largeText';

/** Text readable at arm's length in a machine room: the whole window one size up, remembered. */
export function LargeTextToggle() {
  const [large, setLarge] = useState(() => window.localStorage.getItem(KEY) === 'on');
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', large);
    window.localStorage.setItem(KEY, large ? 'on' : 'off');
  }, [large]);
  return (
    <Button
      variant={large ? 'filled' : 'default'}
      size="xs"
      aria-pressed={large}
      onClick={() => setLarge(!large)}
    >
      Large text
    </Button>
  );
}
