import { expect, it } from 'vitest';
import { BridgeError } from '../../../renderer/bridge/bridge-error.ts';
import { turnErrorOf } from '../../../renderer/model/failure.ts';

it.each(['forbidden', 'host-unreachable', 'internal', 'disk-full', 'bad-input'])(
  'a %s bridge failure keeps its kind and message',
  (kind) => {
    expect(turnErrorOf(new BridgeError(kind, `It went ${kind}.`))).toEqual({
      kind,
      status: null,
      code: null,
      message: `It went ${kind}.`,
      retry_after_s: null,
    });
  },
);

it('anything without a known kind is internal, never passed off as bad input', () => {
  expect(turnErrorOf(new Error("Error invoking remote method 'startChat': Error: boom"))).toMatchObject({
    kind: 'internal',
    message: 'boom',
  });
  expect(turnErrorOf(new BridgeError('strange', 'odd'))).toMatchObject({ kind: 'internal', message: 'odd' });
  expect(turnErrorOf('plain string')).toMatchObject({ kind: 'internal', message: 'plain string' });
});
