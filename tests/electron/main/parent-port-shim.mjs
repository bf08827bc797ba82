// Gives a Node child the `process.parentPort` an Electron utility process has, over Node's IPC channel, so the
// decode child's utility-process path runs in a test without the Electron binary.
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
process.on('message', (data) => port.emit('message', { data }));
process.on('disconnect', () => process.exit(0));
process.parentPort = port;
