// Approval processes name fields, submitters and approvers the org must have when it deploys them.
// A detail of a master-detail has no owner (SOAP API "Relationships Among Objects"; Metadata API
// "ApprovalProcess": the approval page shows the Owner field "except for child objects"), so an
// Owner field, an `owner` submitter or the record owner's approver field fail the deploy there.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../../lib/project';
import { childText, descendants, parseXml, type XmlElement } from '../../lib/xmlTree';
import { objectFields } from './apex';
import { fieldDefinitions, isDetailObject } from '../objectMetadata';
import type { Checker, Finding, Project } from '../finding';

const OWNER_FIELDS = new Set(['owner', 'ownerid']);
/** Standard fields that hold a user on every object. */
const STANDARD_USER_FIELDS = new Set(['createdby', 'createdbyid', 'lastmodifiedby', 'lastmodifiedbyid']);

function checkProcess(project: Project, file: string, known: Map<string, Set<string>>): Finding[] {
    const findings: Finding[] = [];
    let root: XmlElement;
    try {
        root = parseXml(fs.readFileSync(file, 'utf8'));
    } catch {
        return findings; // xml-wellformed reports it
    }
    const object = path.basename(file).split('.')[0] ?? '';
    const detail = isDetailObject(project, object);
    const fields = known.get(object.toLowerCase()) ?? new Set<string>();
    const customFields = fieldDefinitions(project, object);
    const report = (line: number, rule: string, message: string): void => {
        findings.push({ file, line, rule, message });
    };
    const noOwner = `${object} is the detail of a master-detail and has no owner`;
    const checkField = (element: XmlElement, name: string): void => {
        const field = name.startsWith(`${object}.`) ? name.slice(object.length + 1) : name;
        if (detail && OWNER_FIELDS.has(field.toLowerCase())) {
            report(element.line, 'approval/owner-on-detail', `field ${field}: ${noOwner}`);
        } else if (!fields.has(field.toLowerCase())) {
            report(element.line, 'approval/field', `${object}.${field} does not exist`);
        }
    };

    for (const page of descendants(root, 'approvalPageFields')) {
        for (const element of page.children.filter((child) => child.name === 'field')) {
            checkField(element, element.text.trim());
        }
    }
    for (const item of descendants(root, 'criteriaItems')) {
        const field = childText(item, 'field') ?? '';
        const element = item.children.find((child) => child.name === 'field') ?? item;
        if (field.startsWith(`${object}.`)) checkField(element, field);
    }
    for (const submitter of descendants(root, 'allowedSubmitters')) {
        const type = submitter.children.find((child) => child.name === 'type');
        if (detail && type?.text.trim() === 'owner') {
            report(
                type.line,
                'approval/owner-on-detail',
                `submitter type owner: ${noOwner} (use creator, a user, a role or a group)`
            );
        }
    }
    for (const next of descendants(root, 'nextAutomatedApprover')) {
        const useOwner = next.children.find((child) => child.name === 'useApproverFieldOfRecordOwner');
        if (detail && useOwner?.text.trim() === 'true') {
            report(useOwner.line, 'approval/owner-on-detail', `useApproverFieldOfRecordOwner: ${noOwner}`);
        }
    }
    for (const approver of descendants(root, 'approver')) {
        if (childText(approver, 'type') !== 'relatedUserField') continue;
        const name = childText(approver, 'name') ?? '';
        const definition = customFields.get(name.toLowerCase());
        if (STANDARD_USER_FIELDS.has(name.toLowerCase())) continue;
        if (detail && OWNER_FIELDS.has(name.toLowerCase())) {
            report(approver.line, 'approval/owner-on-detail', `approver field ${name}: ${noOwner}`);
        } else if (!definition) {
            report(
                approver.line,
                'approval/approver-field',
                `approver field ${object}.${name} does not exist`
            );
        } else if (definition.referenceTo !== 'User') {
            report(
                approver.line,
                'approval/approver-field',
                `approver field ${object}.${name} is not a lookup to User (it points to ${definition.referenceTo ?? 'nothing'})`
            );
        }
    }
    return findings;
}

export const approvalProcessesChecker: Checker = {
    name: 'approval-processes',
    description:
        'approval processes: page fields and entry criteria exist, no owner submitter, Owner field or owner approver on a detail object, approver fields are lookups to User',
    async run(project: Project): Promise<Finding[]> {
        const known = objectFields(project);
        return walk(path.join(project.forceApp, 'approvalProcesses'), (f) =>
            f.endsWith('.approvalProcess-meta.xml')
        ).flatMap((file) => checkProcess(project, file, known));
    }
};
