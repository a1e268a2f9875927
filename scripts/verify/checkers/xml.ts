// Metadata XML: well-formed (xmllint), in the Metadata API namespace, and every element and enum value
// known to the Metadata API's own type definitions.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../../lib/project';
import { parseXml } from '../../lib/xmlTree';
import { loadSchema, validateElement, type SchemaProblem } from '../metadataSchema';
import type { Checker, Finding, Project } from '../finding';

const NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** File suffix → the root element it must have. */
const ROOT_BY_SUFFIX: Record<string, string> = {
    'object-meta.xml': 'CustomObject',
    'field-meta.xml': 'CustomField',
    'validationRule-meta.xml': 'ValidationRule',
    'listView-meta.xml': 'ListView',
    'compactLayout-meta.xml': 'CompactLayout',
    'recordType-meta.xml': 'RecordType',
    'permissionset-meta.xml': 'PermissionSet',
    'tab-meta.xml': 'CustomTab',
    'cls-meta.xml': 'ApexClass',
    'trigger-meta.xml': 'ApexTrigger',
    'resource-meta.xml': 'StaticResource',
    'js-meta.xml': 'LightningComponentBundle',
    'flexipage-meta.xml': 'FlexiPage',
    'layout-meta.xml': 'Layout',
    'app-meta.xml': 'CustomApplication',
    'md-meta.xml': 'CustomMetadata',
    'labels-meta.xml': 'CustomLabels',
    'globalValueSet-meta.xml': 'GlobalValueSet',
    'reportType-meta.xml': 'ReportType',
    'report-meta.xml': 'Report',
    'reportFolder-meta.xml': 'ReportFolder',
    'dashboard-meta.xml': 'Dashboard',
    'dashboardFolder-meta.xml': 'DashboardFolder',
    'approvalProcess-meta.xml': 'ApprovalProcess',
    'workflow-meta.xml': 'Workflow',
    'customPermission-meta.xml': 'CustomPermission',
    'messageChannel-meta.xml': 'LightningMessageChannel',
    'page-meta.xml': 'ApexPage'
};

function metadataFiles(project: Project): string[] {
    return walk(
        project.forceApp,
        (file) => file.endsWith('.xml') && !file.includes(`${path.sep}lwc${path.sep}`)
    ).concat(walk(project.lwcSource, (file) => file.endsWith('.xml')));
}

export const xmlWellFormedChecker: Checker = {
    name: 'xml-wellformed',
    description: 'xmllint --noout on every metadata XML file',
    async run(project: Project): Promise<Finding[]> {
        const files = metadataFiles(project);
        if (!files.length) return [];
        const result = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8' });
        if (result.error) {
            return [
                {
                    file: project.root,
                    line: 1,
                    rule: 'xml/xmllint',
                    message: `xmllint could not run (${result.error.message}); install libxml2-utils`
                }
            ];
        }
        const findings: Finding[] = [];
        for (const line of result.stderr.split('\n')) {
            const match = /^(.+?):(\d+): (.+)$/.exec(line);
            if (match && files.includes(match[1]!)) {
                findings.push({
                    file: match[1]!,
                    line: Number(match[2]),
                    rule: 'xml/well-formed',
                    message: match[3]!.trim()
                });
            }
        }
        if (result.status !== 0 && !findings.length) {
            findings.push({
                file: project.root,
                line: 1,
                rule: 'xml/well-formed',
                message: result.stderr.trim() || 'xmllint failed'
            });
        }
        return findings;
    }
};

export const metadataSchemaChecker: Checker = {
    name: 'metadata-schema',
    description:
        'root element by file type, Metadata API namespace, element names and enum/boolean/number values from @salesforce/types',
    async run(project: Project): Promise<Finding[]> {
        const schema = loadSchema();
        const findings: Finding[] = [];
        for (const file of metadataFiles(project)) {
            let root;
            try {
                root = parseXml(fs.readFileSync(file, 'utf8'));
            } catch {
                continue; // xml-wellformed reports it
            }
            // an Aura bundle's -meta.xml shares its suffix with its kind (.app-meta.xml, .cmp-meta.xml)
            const inAura = file.includes(`${path.sep}aura${path.sep}`) && file.endsWith('-meta.xml');
            const suffix = inAura
                ? file.slice(file.lastIndexOf('.', file.length - '-meta.xml'.length - 1) + 1)
                : Object.keys(ROOT_BY_SUFFIX).find((key) => file.endsWith(`.${key}`));
            const expected = inAura ? 'AuraDefinitionBundle' : suffix ? ROOT_BY_SUFFIX[suffix] : undefined;
            if (!suffix) {
                findings.push({
                    file,
                    line: root.line,
                    rule: 'metadata/file-type',
                    message: `unknown metadata file type for <${root.name}>`
                });
                continue;
            }
            if (root.name !== expected) {
                findings.push({
                    file,
                    line: root.line,
                    rule: 'metadata/root',
                    message: `a .${suffix} file must have root <${expected}>, not <${root.name}>`
                });
                continue;
            }
            if (root.attributes.xmlns !== NAMESPACE) {
                findings.push({
                    file,
                    line: root.line,
                    rule: 'metadata/namespace',
                    message: `<${root.name}> must declare xmlns="${NAMESPACE}"`
                });
            }
            const problems: SchemaProblem[] = [];
            validateElement(schema, root, root.name, problems);
            findings.push(
                ...problems.map((problem) => ({
                    file,
                    line: problem.line,
                    rule: 'metadata/schema',
                    message: problem.message
                }))
            );
        }
        return findings;
    }
};
