/**
 * The host as the shells see it: the services of host-services.ts with every bridge method behind its door. Each
 * call's argument is parsed by its method's schema (shared/bridge/arg-schemas.ts) and a malformed one is refused
 * as `bad-input` naming the method and field, before any host code runs; anything a method throws comes back as a
 * rejected promise. IPC (electron/main/ipc.ts) and HTTP (electron/server/server.ts) both take calls from here.
 */
import { checkBridgeArg } from '../../shared/bridge/arg-schemas.ts';
import { bridgeMethodNames, type BridgeMethodName, type BridgeMethods } from '../../shared/bridge/contract.ts';
import { BadInputError } from './bad-input.ts';
import { createHostServices, type Host, type HostOptions } from './host-services.ts';

export type { Host, HostOptions } from './host-services.ts';

/** Wraps each method so its argument is checked against its schema first. */
export function guarded(inner: BridgeMethods): BridgeMethods {
  return checkedAtTheDoor(inner, bridgeMethodNames);
}

/**
 * The same door for some methods: a shell that puts its own methods over the host's (the desktop app's snip and
 * folder dialog) wraps them here, so no method reaches the host unchecked.
 */
export function guardedSome<K extends BridgeMethodName>(inner: Pick<BridgeMethods, K>): Pick<BridgeMethods, K> {
  return checkedAtTheDoor(inner, Object.keys(inner) as K[]);
}

function checkedAtTheDoor<M>(inner: M, names: readonly BridgeMethodName[]): M {
  const out: Partial<Record<BridgeMethodName, (arg: unknown) => Promise<unknown>>> = {};
  for (const name of names) {
    const fn = (inner as Record<BridgeMethodName, (arg: unknown) => Promise<unknown>>)[name];
    out[name] = async (arg: unknown) => {
      const checked = checkBridgeArg(name, arg);
      if (!checked.ok) throw new BadInputError(checked.message);
      return fn(checked.value);
    };
  }
  return out as M;
}

/** The host for a shell: its services, with the bridge methods checked at the door. */
export function createHost(opts: HostOptions): Host {
  const services = createHostServices(opts);
  return { ...services, methods: guarded(services.methods) };
}
