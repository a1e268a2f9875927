// What the deploy-time checks need to know about an object from its source: its custom fields (type,
// target, history, formula), whether it is the detail of a master-detail, and its object settings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../lib/project';
import { childText, parseXml, type XmlElement } from '../lib/xmlTree';
import type { Project } from './finding';

export interface FieldDefinition {
    name: string;
    file: string;
    type: string;
    referenceTo?: string;
    trackHistory: boolean;
    /** Line of `<trackHistory>`, for a finding that points at it. */
    trackHistoryLine: number;
    formula: boolean;
}

function readXml(file: string): XmlElement | null {
    try {
        return parseXml(fs.readFileSync(file, 'utf8'));
    } catch {
        return null; // xmllint reports broken XML; these checks read what parses
    }
}

/** The folders under objects/, one per object the project defines or extends. */
export function objectNames(project: Project): string[] {
    const dir = path.join(project.forceApp, 'objects');
    if (!fs.existsSync(dir)) return [];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
}

/** Custom objects end in __c (or another double-underscore suffix); standard ones do not. */
export function isStandardObject(object: string): boolean {
    return !object.includes('__');
}

export function fieldDefinitions(project: Project, object: string): Map<string, FieldDefinition> {
    const fields = new Map<string, FieldDefinition>();
    for (const file of walk(path.join(project.forceApp, 'objects', object, 'fields'), (f) =>
        f.endsWith('.field-meta.xml')
    )) {
        const root = readXml(file);
        if (!root) continue;
        const name = path.basename(file, '.field-meta.xml');
        const track = root.children.find((child) => child.name === 'trackHistory');
        fields.set(name.toLowerCase(), {
            name,
            file,
            type: childText(root, 'type') ?? '',
            referenceTo: childText(root, 'referenceTo'),
            trackHistory: track?.text.trim() === 'true',
            trackHistoryLine: track?.line ?? 1,
            formula: childText(root, 'formula') !== undefined
        });
    }
    return fields;
}

/** A detail of a master-detail has no owner: the master's owner stands for it. */
export function isDetailObject(project: Project, object: string): boolean {
    return [...fieldDefinitions(project, object).values()].some((field) => field.type === 'MasterDetail');
}

/** The object's own settings file (`<Object>.object-meta.xml`), parsed, or null when absent. */
export function objectSettings(project: Project, object: string): { file: string; root: XmlElement } | null {
    const file = path.join(project.forceApp, 'objects', object, `${object}.object-meta.xml`);
    if (!fs.existsSync(file)) return null;
    const root = readXml(file);
    return root ? { file, root } : null;
}
