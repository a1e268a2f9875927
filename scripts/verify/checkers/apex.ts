// Apex checks that need no org: apex-ls semantic analysis (unknown types, fields, methods), field
// names inside static SOQL against the object metadata, and our security rules — `with sharing` on
// every class, user mode on every query, DML and Database call, and a reason on every suppression.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, walk } from '../../lib/project';
import { readApexFile, type ApexFile } from '../../lib/apexModel';
import { CUSTOM_OBJECT_FIELDS, STANDARD_OBJECTS } from '../standardObjects';
import type { Checker, Finding, Project } from '../finding';

const APEX_LS_LIB = path.join(
    ROOT,
    'node_modules',
    '@salesforce',
    'code-analyzer-pmd-engine',
    'dist',
    'java-lib'
);

export function apexFiles(project: Project): ApexFile[] {
    return walk(path.join(project.forceApp, 'classes'), (f) => f.endsWith('.cls'))
        .concat(walk(path.join(project.forceApp, 'triggers'), (f) => f.endsWith('.trigger')))
        .map(readApexFile);
}

interface ApexLsReport {
    files?: { path: string; messages: { start: { line: number }; category: string; message: string }[] }[];
}

export const apexSemanticsChecker: Checker = {
    name: 'apex-semantics',
    description:
        'apex-ls (the jar inside the PMD engine) CheckForIssues: unknown types, fields, methods, bad calls',
    async run(project: Project): Promise<Finding[]> {
        if (
            !fs.existsSync(path.join(project.forceApp, 'classes')) &&
            !fs.existsSync(path.join(project.forceApp, 'triggers'))
        )
            return [];
        const result = spawnSync(
            'java',
            [
                '-cp',
                `${APEX_LS_LIB}/*`,
                'io.github.apexdevtools.apexls.CheckForIssues',
                '-n',
                '-d',
                'warnings',
                '-f',
                'json',
                '-w',
                project.root
            ],
            { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }
        );
        if (result.error) {
            return [
                {
                    file: project.root,
                    line: 1,
                    rule: 'apex-ls',
                    message: `java could not run apex-ls: ${result.error.message}`
                }
            ];
        }
        if (result.status !== 0 && result.status !== 4) {
            return [
                {
                    file: project.root,
                    line: 1,
                    rule: 'apex-ls',
                    message: (result.stderr || result.stdout).trim().split('\n')[0] ?? 'apex-ls failed'
                }
            ];
        }
        const text = result.stdout.trim();
        if (!text) return [];
        const report = JSON.parse(text) as ApexLsReport;
        return (report.files ?? []).flatMap((file) =>
            file.messages.map((message) => ({
                file: file.path,
                line: message.start.line,
                rule: `apex-ls/${message.category}`,
                message: message.message
            }))
        );
    }
};

/** Field API names per object: custom objects and fields from force-app, standard ones from our list. */
export function objectFields(project: Project): Map<string, Set<string>> {
    const fields = new Map<string, Set<string>>();
    for (const [object, names] of Object.entries(STANDARD_OBJECTS)) {
        fields.set(object.toLowerCase(), new Set(names.map((name) => name.toLowerCase())));
    }
    const objectsDir = path.join(project.forceApp, 'objects');
    if (fs.existsSync(objectsDir)) {
        for (const object of fs.readdirSync(objectsDir)) {
            const key = object.toLowerCase();
            const known =
                fields.get(key) ??
                new Set(
                    object.endsWith('__c') || object.endsWith('__mdt')
                        ? CUSTOM_OBJECT_FIELDS.map((name) => name.toLowerCase())
                        : []
                );
            for (const file of walk(path.join(objectsDir, object, 'fields'), (f) =>
                f.endsWith('.field-meta.xml')
            )) {
                const field = path.basename(file, '.field-meta.xml');
                known.add(field.toLowerCase());
                if (field.endsWith('__c')) known.add(field.replace(/__c$/, '__r').toLowerCase());
            }
            fields.set(key, known);
        }
    }
    return fields;
}

export const soqlFieldsChecker: Checker = {
    name: 'soql-fields',
    description: 'every field named in static SOQL (select, where, order, group) exists on its object',
    async run(project: Project): Promise<Finding[]> {
        const fields = objectFields(project);
        const findings: Finding[] = [];
        for (const apex of apexFiles(project)) {
            for (const query of apex.queries) {
                const known = fields.get(query.object.toLowerCase());
                if (!known) {
                    if (query.object.endsWith('__c')) {
                        findings.push({
                            file: apex.file,
                            line: query.line,
                            rule: 'soql/object',
                            message: `object ${query.object} does not exist in force-app`
                        });
                    }
                    continue;
                }
                for (const field of query.fields) {
                    const first = field.name.split('.')[0]!.toLowerCase();
                    // relationship paths are checked on their first hop; aliases and functions are not fields
                    if (!/^[a-z_][\w]*$/i.test(first)) continue;
                    if (!known.has(first)) {
                        findings.push({
                            file: apex.file,
                            line: field.line,
                            rule: 'soql/field',
                            message: `${query.object}.${field.name.split('.')[0]} does not exist`
                        });
                    }
                }
            }
        }
        return findings;
    }
};

const SUPPRESSION_REASON = /\/\/\s*(?:verify|pmd)-allow\b[^:]*:\s*\S+/i;

function allowedAt(source: string[], line: number, rule: string): boolean {
    const near = [source[line - 1] ?? '', source[line - 2] ?? ''];
    return near.some((text) => new RegExp(`//\\s*verify-allow\\s+${rule}\\s*:\\s*\\S+`).test(text));
}

export const apexSecurityChecker: Checker = {
    name: 'apex-security',
    description:
        'with sharing on every class, WITH USER_MODE on every query, `as user` on every DML, AccessLevel.USER_MODE on Database calls, reasons on suppressions, Apex syntax',
    async run(project: Project): Promise<Finding[]> {
        const findings: Finding[] = [];
        for (const apex of apexFiles(project)) {
            const lines = fs.readFileSync(apex.file, 'utf8').split('\n');
            for (const error of apex.syntaxErrors) {
                findings.push({
                    file: apex.file,
                    line: error.line,
                    rule: 'apex/syntax',
                    message: error.message
                });
            }
            if (
                apex.kind === 'class' &&
                !apex.isTest &&
                apex.sharing !== 'with sharing' &&
                !allowedAt(lines, apex.line, 'sharing')
            ) {
                findings.push({
                    file: apex.file,
                    line: apex.line,
                    rule: 'apex/with-sharing',
                    message: `class ${apex.name} must be declared "with sharing"${apex.sharing ? ` (it says "${apex.sharing}")` : ''}`
                });
            }
            if (apex.isTest) continue;
            for (const query of apex.queries) {
                if (!query.hasUserMode && !allowedAt(lines, query.line, 'user-mode')) {
                    findings.push({
                        file: apex.file,
                        line: query.line,
                        rule: 'apex/user-mode-query',
                        message: `query on ${query.object} must run WITH USER_MODE`
                    });
                }
            }
            for (const dml of apex.dml) {
                if (dml.accessLevel !== 'user' && !allowedAt(lines, dml.line, 'user-mode')) {
                    findings.push({
                        file: apex.file,
                        line: dml.line,
                        rule: 'apex/user-mode-dml',
                        message: `${dml.kind} must run "as user" (${dml.kind} as user …)`
                    });
                }
            }
            for (const call of apex.databaseCalls) {
                if (
                    !/AccessLevel\s*\.\s*USER_MODE/i.test(call.text) &&
                    !allowedAt(lines, call.line, 'user-mode')
                ) {
                    findings.push({
                        file: apex.file,
                        line: call.line,
                        rule: 'apex/user-mode-database',
                        message: `${call.text.split('(')[0]} must pass AccessLevel.USER_MODE`
                    });
                }
            }
            lines.forEach((text, index) => {
                if (
                    /@SuppressWarnings\s*\(/i.test(text) &&
                    !SUPPRESSION_REASON.test(text) &&
                    !SUPPRESSION_REASON.test(lines[index - 1] ?? '')
                ) {
                    findings.push({
                        file: apex.file,
                        line: index + 1,
                        rule: 'apex/suppression-reason',
                        message: 'a suppression needs a written reason: // pmd-allow RuleName: why'
                    });
                }
            });
        }
        return findings;
    }
};
