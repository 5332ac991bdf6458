import { Text, Tooltip } from '@mantine/core';
import { isApiError } from '../../../lib/api-client';
import { useVersion } from '../api/get-version';
import { utcLabel } from '../../../lib/utc-time';
import { shortCommit } from './format';

/** One line for the footer: the product's build number (version, commit, build time in UTC). */
export function BuildInfo() {
  const version = useVersion();
  if (version.isPending) {
    return (
      <Text size="xs" c="dimmed">
        Loading version…
      </Text>
    );
  }
  if (version.isError) {
    const id = isApiError(version.error) ? version.error.requestId : null;
    return (
      <Text size="xs" c="dimmed" data-testid="build-info">
        Version unavailable{id ? ` (request id ${id})` : ''}
      </Text>
    );
  }
  const { version: v, commit, builtAt } = version.data;
  const built = utcLabel(builtAt, 'minutes');
  return (
    <Text size="xs" c="dimmed" data-testid="build-info">
      eBay Connector v{v} ·{' '}
      <Tooltip label={commit} withArrow>
        <span tabIndex={0} aria-label={`commit ${commit}`}>
          commit {shortCommit(commit)}
        </span>
      </Tooltip>
      {/* A server started without a build (`npm run build` writes its time) does not know when it was built. */}
      {built ? ` · built ${built}` : ''}
    </Text>
  );
}
