import { Composer, type MiddlewareFn } from 'telegraf';
import type { BotContext } from './context.ts';
import type { Feature, UpdateKind } from './feature.ts';
import { requireRole } from './middleware/guards.ts';

/** `cmd` for `/cmd` or `/cmd@thisbot` at the start of a text message; null for `/cmd@otherbot`. */
function commandOf(text: string, botUsername: string): string | null | undefined {
  const match = /^\/([A-Za-z0-9_]+)(?:@(\w+))?/.exec(text);
  if (!match) return undefined;
  const addressee = match[2];
  if (addressee && addressee.toLowerCase() !== botUsername.toLowerCase()) return null;
  return match[1]!.toLowerCase();
}

function routeOf(ctx: BotContext): { command: string } | { kind: UpdateKind } {
  if (ctx.callbackQuery) return { kind: 'callback' };
  if (ctx.editedMessage) return { kind: 'edit' };
  if (ctx.myChatMember) return { kind: 'membership' };
  const message = ctx.message;
  if (message && 'text' in message) {
    const command = commandOf(message.text, ctx.botInfo.username);
    if (command === null) return { kind: 'other' };
    return command === undefined ? { kind: 'text' } : { command };
  }
  if (message && 'document' in message) return { kind: 'document' };
  return { kind: 'other' };
}

/**
 * Runs only the features an update concerns, in their listed order: a command goes to the
 * feature that declares it, any other update to the features that react to its kind.
 * Walking every feature's middleware for every update cost more than the answer itself
 * (telegraf composes each step as a chain of promises).
 *
 * With `enforceRoles` (the features behind the access gate) a command first meets the role
 * its CommandSpec declares: the spec is the one place a command's role is written, for /help,
 * the menus and the check alike.
 */
export function createRouter(features: Feature[], options: { enforceRoles?: boolean } = {}): MiddlewareFn<BotContext> {
  const chains = new Map<string, MiddlewareFn<BotContext>>();
  const chain = (key: string, wants: (feature: Feature) => boolean, command?: string) => {
    let composed = chains.get(key);
    if (!composed) {
      const spec = options.enforceRoles && command !== undefined ? features.flatMap((f) => f.commands).find((c) => c.command === command) : undefined;
      const guard = spec ? [requireRole(spec.minRole)] : [];
      composed = Composer.compose([...guard, ...features.filter(wants).map((f) => f.composer)]);
      chains.set(key, composed);
    }
    return composed;
  };
  return (ctx, next) => {
    const route = routeOf(ctx);
    const handler =
      'command' in route
        ? chain(`/${route.command}`, (f) => f.reactsTo === undefined || f.commands.some((c) => c.command === route.command), route.command)
        : chain(route.kind, (f) => f.reactsTo === undefined || f.reactsTo.includes(route.kind));
    return handler(ctx, next);
  };
}
