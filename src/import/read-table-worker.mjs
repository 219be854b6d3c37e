// A worker thread does not inherit the tsx loader of its parent: register it, then run the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./read-table-worker.ts');
