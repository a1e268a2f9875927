// Compiles LWC bundles with the Salesforce platform compiler (type `platform`): the template,
// decorator and module rules the org applies on deploy. Lives beside its own node_modules so its
// @lwc/compiler does not clash with Jest's.
import { compile } from '@lwc/sfdc-lwc-compiler';

export interface PlatformDiagnostic {
    file: string;
    line: number;
    code: string;
    message: string;
}

/** Compiles one bundle given as file name → source; returns its error diagnostics. */
export async function compilePlatformBundle(
    name: string,
    files: Record<string, string>
): Promise<PlatformDiagnostic[]> {
    const report = await compile({ bundle: { namespace: 'c', name, type: 'platform', files } });
    return (report.diagnostics ?? [])
        .filter((diagnostic) => diagnostic.level <= 1)
        .map((diagnostic) => ({
            file: diagnostic.filename ?? `${name}.js`,
            line: diagnostic.location?.line ?? 1,
            code: String(diagnostic.code ?? 'LWC'),
            message: diagnostic.message
        }));
}
