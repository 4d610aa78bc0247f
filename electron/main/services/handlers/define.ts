import type { Channel, ParsedRequestOf, ResponseOf } from '../../../../shared/ipc/contract';

/** What an area implements for a channel: a parsed request in, a response out. */
export type ChannelImpl<C extends Channel> = (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type AreaHandlers<C extends Channel> = { [K in C]: ChannelImpl<K> };
