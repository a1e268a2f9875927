// PMD's Apex rules through Salesforce Code Analyzer's own core and PMD engine (the `sf code-analyzer`
// plugin cannot be installed here): sharing, CRUD/FLS, operations in loops and the rest. Severity 1–2
// fails the check.
import * as path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { ROOT } from '../../lib/project';
import type { Checker, Finding, Project } from '../finding';

const CONFIG_FILE = path.join(ROOT, 'code-analyzer.yml');

/** Severities that fail: 1 Critical, 2 High. */
export const FAILING_SEVERITY = 2;

export const pmdChecker: Checker = {
    name: 'pmd',
    description:
        'Salesforce Code Analyzer PMD Apex rules (ApexSharingViolations, ApexCRUDViolation, operations in loops, …); severity 1–2 fail',
    async run(project: Project): Promise<Finding[]> {
        // the product's settings apply to fixtures too: the rules under test are ours
        const config = CodeAnalyzerConfig.fromFile(CONFIG_FILE);
        const analyzer = new CodeAnalyzer(config);
        await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
        const workspace = await analyzer.createWorkspace([path.join(project.root, 'force-app')]);
        const selection = await analyzer.selectRules(['pmd:Apex'], { workspace });
        const results = await analyzer.run(selection, { workspace });
        return results
            .getViolations()
            .filter((violation) => violation.getRule().getSeverityLevel() <= FAILING_SEVERITY)
            .map((violation) => {
                const location = violation.getPrimaryLocation();
                return {
                    file: location.getFile() ?? project.root,
                    line: location.getStartLine() ?? 1,
                    rule: `pmd/${violation.getRule().getName()}`,
                    message: violation.getMessage().trim()
                };
            });
    }
};
