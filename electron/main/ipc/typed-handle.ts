// The only way main answers the renderer. Every channel goes through the same two gates, in this
// order, before its handler runs: the sender is our own top frame, and the payload matches the
// contract's validator. A handler can therefore trust its typed arguments.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { ipcArgsSchemas, type IpcArgs, type IpcChannel, type IpcResult } from '../../shared/ipc-contract';
import { isTrustedSender } from '../trusted-origin';

export type IpcHandler<C extends IpcChannel> = (
  args: IpcArgs<C>,
  event: IpcMainInvokeEvent,
) => IpcResult<C> | Promise<IpcResult<C>>;

/** A refused call; the renderer sees its message in the rejected invoke() promise. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || 'payload'}: ${issue.message}`)
    .join('; ');
}

export function typedHandle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrustedSender(event.senderFrame)) {
      throw new IpcRefusedError(`Refused "${channel}": the sender is not the Liftoff window (app://liftoff, top frame).`);
    }
    // Every channel takes at most one argument object; extra ones mean a caller we did not write.
    if (args.length > 1) {
      throw new IpcRefusedError(`Refused "${channel}": expected at most one argument, got ${args.length}.`);
    }
    const parsed = ipcArgsSchemas[channel].safeParse(args[0]);
    if (!parsed.success) {
      throw new IpcRefusedError(`Refused "${channel}": invalid payload (${describeIssues(parsed.error)}).`);
    }
    return handler(parsed.data, event);
  });
}
