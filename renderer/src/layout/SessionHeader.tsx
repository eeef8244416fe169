import { Badge, Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/session/sessionState.ts';
import { LargeTextToggle } from '../LargeTextToggle.tsx';

/** The top line of the window: the app, the session's site and technician, and what is always in view. */
export function SessionHeader({
  session,
  children,
  onLeave,
}: {
  session: SessionInfo | null;
  /** The clocks and both servers' connections, when a session is open. */
  children?: ReactNode;
  onLeave?: () => void;
}) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" px="md" py={6} className="session-header">
      <Group gap="sm" wrap="nowrap" className="session-title">
        <Title order={1}>CMS HA Upgrade</Title>
        {session && (
          <Text component="p" m={0} className="session-name" truncate="end">
            <bdi>{session.site}</bdi> — <bdi>{session.technician}</bdi>
          </Text>
        )}
        {session && (
          <Badge color={session.training ? 'grape' : 'red'} variant="light">
            {session.training ? 'training on the simulated pair' : 'real upgrade'}
          </Badge>
        )}
      </Group>
      <Group gap="md" wrap="nowrap">
        {children}
        <LargeTextToggle />
        {onLeave && (
          <Button variant="default" size="xs" onClick={onLeave}>
            Other sessions
          </Button>
        )}
      </Group>
    </Group>
  );
}
