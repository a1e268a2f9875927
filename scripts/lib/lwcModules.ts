// Lets Node scripts (benchmarks, the preview's emulator) import pure component modules that use LWC's
// `c/<bundle>` specifiers, by resolving them to lwc-ts/<bundle>/<bundle>.ts as the platform would.
import Module from 'node:module';
import * as path from 'node:path';
import { LWC_SOURCE } from './project';

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;

moduleWithResolver._resolveFilename = function resolveLwc(request: string, ...rest: unknown[]): string {
    const match = /^c\/(\w+)$/.exec(request);
    return original.call(this, match ? path.join(LWC_SOURCE, match[1]!, `${match[1]}.ts`) : request, ...rest);
};
