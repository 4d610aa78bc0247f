import type { z } from 'zod';

/** A channel pairs a zod request schema with a response type known only to TypeScript. */
export interface ChannelDef<Req extends z.ZodType, Res> {
  request: Req;
  /** Phantom: never read at run time, carries the response type. */
  response?: Res;
}

export function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDef<Req, Res> => ({ request });
}

/** Events are main -> renderer pushes; only their payload types exist. */
export function event<Payload>(): { payload?: Payload } {
  return {};
}
