// Lets Node scripts (benchmarks, the preview's emulator) import pure component modules that use LWC's
// `c/<bundle>` specifiers, by resolving them to lwc-ts/<bundle>/<bundle>.ts as the platform would, and
// `@salesforce/label/c.<Name>` imports, answered with the label's value from force-app.
import Module from 'node:module';
import * as path from 'node:path';
import { FORCE_APP, LWC_SOURCE } from './project';
import { readLabels } from './labels';

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;

moduleWithResolver._resolveFilename = function resolveLwc(request: string, ...rest: unknown[]): string {
    const match = /^c\/(\w+)$/.exec(request);
    return original.call(this, match ? path.join(LWC_SOURCE, match[1]!, `${match[1]}.ts`) : request, ...rest);
};

type Load = (request: string, ...rest: unknown[]) => unknown;
const moduleWithLoader = Module as unknown as { _load: Load };
const originalLoad = moduleWithLoader._load;
let labels: Record<string, string> | undefined;

moduleWithLoader._load = function loadLabel(request: string, ...rest: unknown[]): unknown {
    const label = /^@salesforce\/label\/c\.(\w+)$/.exec(request);
    if (!label) return originalLoad.call(this, request, ...rest);
    labels ??= readLabels(FORCE_APP);
    const value = labels[label[1]!];
    if (value === undefined) throw new Error(`custom label c.${label[1]} does not exist in force-app`);
    return { __esModule: true, default: value };
};
