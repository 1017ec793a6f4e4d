import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import type { RoomLog } from '../storage/roomLog.ts'
import type { FanOut } from './fanout.ts'
import { LocalFanOut } from './local.ts'
import { RedisFanOut } from './redis.ts'

/**
 * The fan-out the configuration asks for (architecture.md, decision 6): Redis
 * when REDIS_URL is set, so several relay instances share rooms; otherwise
 * none, as one process is complete. Channels start with KRING_REDIS_CHANNEL_PREFIX;
 * with KRING_REDIS_KEY what passes is sealed. Rejects when Redis cannot be reached.
 */
export async function openFanOut(
  config: Pick<Config, 'redisUrl' | 'redisChannelPrefix' | 'redisKey'>,
  context: { storage: Pick<RoomLog, 'load'>; logger?: Logger },
): Promise<FanOut> {
  if (config.redisUrl === undefined) return new LocalFanOut()
  return RedisFanOut.open({ url: config.redisUrl, channelPrefix: config.redisChannelPrefix, frameKey: config.redisKey, ...context })
}
