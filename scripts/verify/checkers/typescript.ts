// Type-checks every TypeScript project (components and scripts) with the compiler's own diagnostics.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Checker, Finding, Project } from '../finding';
import { writeApexTypes } from '../../lib/apexTypes';

const CONFIGS = [
    'tsconfig.json',
    path.join('scripts', 'tsconfig.check.json'),
    path.join('scripts', 'preview', 'tsconfig.browser.json')
];

function checkConfig(configFile: string): Finding[] {
    const read = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
    if (read.error) {
        return [
            {
                file: configFile,
                line: 1,
                rule: 'typescript',
                message: ts.flattenDiagnosticMessageText(read.error.messageText, ' ')
            }
        ];
    }
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile));
    const program = ts.createProgram({
        rootNames: parsed.fileNames,
        options: { ...parsed.options, noEmit: true }
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const line =
            diagnostic.file && diagnostic.start !== undefined
                ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
                : 1;
        return {
            file: diagnostic.file?.fileName ?? configFile,
            line,
            rule: `typescript/TS${diagnostic.code}`,
            message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
        };
    });
}

export const typescriptChecker: Checker = {
    name: 'typescript',
    description:
        'strict TypeScript type-check of components (with Apex parameter and result types generated from the Apex) and scripts',
    async run(project: Project): Promise<Finding[]> {
        // what each Apex method returns is typed from the project's own Apex, so a component reading a
        // member the Apex result does not have fails here, even when the build was not run first
        if (fs.existsSync(path.join(project.forceApp, 'classes'))) writeApexTypes(project.root);
        return CONFIGS.map((config) => path.join(project.root, config))
            .filter((config) => fs.existsSync(config))
            .flatMap(checkConfig);
    }
};
