import type { ChannelDto } from '@replyforce/contracts';
import { PlatformIcon } from '../../components/platform-icon.tsx';
import { PLATFORM_INFO } from '../../lib/platforms.ts';

/** The account a lead wrote to; leads carry only its id, the channel list gives it a name. */
export function LeadChannel({ channel }: { channel: ChannelDto | undefined }) {
  if (!channel) return <span className="text-slate-500 dark:text-slate-400">Unknown channel</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      <PlatformIcon platform={channel.platform} className="size-4" />
      <span>
        {PLATFORM_INFO[channel.platform].label}
        <span className="text-slate-500 dark:text-slate-400"> · {channel.name}</span>
      </span>
    </span>
  );
}

export function channelIndex(channels: readonly ChannelDto[] | undefined): Map<string, ChannelDto> {
  return new Map((channels ?? []).map((channel) => [channel.id, channel]));
}
