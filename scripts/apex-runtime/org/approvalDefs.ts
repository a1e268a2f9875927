// Approval processes and workflow field updates as force-app declares them (Metadata API "ApprovalProcess"
// and "Workflow"): read once from the XML into plain definitions the approval engine runs. What the
// runtime does not run (several steps, queues, email alerts, criteria items) is kept as a reason, so the
// engine can refuse it loudly when a process that needs it is used — never silently skip it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childText, descendants, parseXml, type XmlElement } from '../../lib/xmlTree';
import { parseFormula, type FormulaTree } from '../../preview/emulator/formula';

export interface ApproverDef {
    /** relatedUserField, user, queue, userHierarchyField, adhoc (the submitter chooses) */
    type: string;
    /** the field's API name (relatedUserField) or the user's username (user) */
    name: string | null;
}

export interface ApprovalStepDef {
    name: string;
    label: string;
    approvers: ApproverDef[];
}

export interface ActionRef {
    name: string;
    type: string;
}

export interface ApprovalProcessDef {
    /** the process's API name (DeveloperName): the file's name after the object */
    name: string;
    object: string;
    label: string;
    description: string | null;
    active: boolean;
    allowRecall: boolean;
    /** creator, owner, allInternalUsers, user (with its username)… */
    allowedSubmitters: { type: string; submitter: string | null }[];
    entryFormula: FormulaTree | null;
    steps: ApprovalStepDef[];
    initialSubmissionActions: ActionRef[];
    finalApprovalActions: ActionRef[];
    finalRejectionActions: ActionRef[];
    recallActions: ActionRef[];
    finalApprovalRecordLock: boolean;
    finalRejectionRecordLock: boolean;
    /** AdminOnly or AdminOrCurrentApprover */
    recordEditability: string;
    /** what this process declares that the runtime does not run; using the process fails with it */
    unsupported: string[];
}

export interface FieldUpdateDef {
    /** Object.Name, as an approval process's action names it within its object */
    object: string;
    name: string;
    field: string;
    /** Literal, Formula, Null, NextValue, PreviousValue */
    operation: string;
    literalValue: string | null;
    formula: FormulaTree | null;
}

const bool = (element: XmlElement, name: string, fallback = false): boolean => {
    const text = childText(element, name);
    return text === undefined ? fallback : text === 'true';
};

function actions(root: XmlElement, name: string): ActionRef[] {
    const holder = root.children.find((child) => child.name === name);
    if (!holder) return [];
    return holder.children
        .filter((child) => child.name === 'action')
        .map((action) => ({ name: childText(action, 'name') ?? '', type: childText(action, 'type') ?? '' }));
}

/** One `<Object>.<Name>.approvalProcess-meta.xml`. */
export function parseApprovalProcess(source: string, file: string): ApprovalProcessDef {
    const base = path.basename(file).replace(/\.approvalProcess-meta\.xml$/, '');
    const dot = base.indexOf('.');
    const object = base.slice(0, dot);
    const name = base.slice(dot + 1);
    const root = parseXml(source);
    const unsupported: string[] = [];
    const stepElements = root.children.filter((child) => child.name === 'approvalStep');
    const steps = stepElements.map((step): ApprovalStepDef => {
        const assigned = step.children.find((child) => child.name === 'assignedApprover');
        const approvers = assigned
            ? assigned.children
                  .filter((child) => child.name === 'approver')
                  .map((approver) => ({
                      type: childText(approver, 'type') ?? '',
                      name: childText(approver, 'name') ?? null
                  }))
            : [{ type: 'adhoc', name: null }];
        for (const approver of approvers)
            if (!['relatedUserField', 'user', 'adhoc'].includes(approver.type))
                unsupported.push(`approver type ${approver.type}`);
        if (approvers.length > 1) unsupported.push('several approvers in one step');
        if (step.children.some((child) => child.name === 'entryCriteria'))
            unsupported.push('step entry criteria');
        if (
            step.children.some(
                (child) => child.name === 'approvalActions' || child.name === 'rejectionActions'
            )
        )
            unsupported.push('step approval or rejection actions');
        return {
            name: childText(step, 'name') ?? '',
            label: childText(step, 'label') ?? '',
            approvers
        };
    });
    if (steps.length !== 1) unsupported.push(`${steps.length} approval steps (single-step only)`);
    const entry = root.children.find((child) => child.name === 'entryCriteria');
    let entryFormula: FormulaTree | null = null;
    if (entry) {
        const formula = childText(entry, 'formula');
        if (formula) entryFormula = parseFormula(formula);
        else if (descendants(entry, 'criteriaItems').length) unsupported.push('entry criteria items');
    }
    const all = [
        ...actions(root, 'initialSubmissionActions'),
        ...actions(root, 'finalApprovalActions'),
        ...actions(root, 'finalRejectionActions'),
        ...actions(root, 'recallActions')
    ];
    for (const action of all)
        if (action.type !== 'FieldUpdate') unsupported.push(`${action.type} action ${action.name}`);
    if (root.children.some((child) => child.name === 'emailTemplate')) unsupported.push('approval emails');
    return {
        name,
        object,
        label: childText(root, 'label') ?? name,
        description: childText(root, 'description') ?? null,
        active: bool(root, 'active'),
        allowRecall: bool(root, 'allowRecall'),
        allowedSubmitters: root.children
            .filter((child) => child.name === 'allowedSubmitters')
            .map((submitter) => ({
                type: childText(submitter, 'type') ?? '',
                submitter: childText(submitter, 'submitter') ?? null
            })),
        entryFormula,
        steps,
        initialSubmissionActions: actions(root, 'initialSubmissionActions'),
        finalApprovalActions: actions(root, 'finalApprovalActions'),
        finalRejectionActions: actions(root, 'finalRejectionActions'),
        recallActions: actions(root, 'recallActions'),
        // the platform's defaults: locked after final approval, unlocked after rejection
        finalApprovalRecordLock: bool(root, 'finalApprovalRecordLock', true),
        finalRejectionRecordLock: bool(root, 'finalRejectionRecordLock', false),
        recordEditability: childText(root, 'recordEditability') ?? 'AdminOnly',
        unsupported: [...new Set(unsupported)]
    };
}

/** The field updates of one `<Object>.workflow-meta.xml` (its rules, alerts and tasks are not read). */
export function parseFieldUpdates(source: string, file: string): FieldUpdateDef[] {
    const object = path.basename(file).replace(/\.workflow-meta\.xml$/, '');
    const root = parseXml(source);
    return root.children
        .filter((child) => child.name === 'fieldUpdates')
        .map((update) => {
            const formula = childText(update, 'formula');
            return {
                object,
                name: childText(update, 'fullName') ?? '',
                field: childText(update, 'field') ?? '',
                operation: childText(update, 'operation') ?? 'Literal',
                literalValue: childText(update, 'literalValue') ?? null,
                formula: formula ? parseFormula(formula) : null
            };
        });
}

function filesIn(folder: string, suffix: string): string[] {
    if (!fs.existsSync(folder)) return [];
    return fs
        .readdirSync(folder)
        .filter((entry) => entry.endsWith(suffix))
        .sort()
        .map((entry) => path.join(folder, entry));
}

/** force-app's approval processes, in file-name order (the order the engine tries them in). */
export function loadApprovalProcesses(forceApp: string): ApprovalProcessDef[] {
    return filesIn(path.join(forceApp, 'approvalProcesses'), '.approvalProcess-meta.xml').map((file) =>
        parseApprovalProcess(fs.readFileSync(file, 'utf8'), file)
    );
}

/** force-app's workflow field updates by `Object.Name`. */
export function loadFieldUpdates(forceApp: string): Map<string, FieldUpdateDef> {
    const out = new Map<string, FieldUpdateDef>();
    for (const file of filesIn(path.join(forceApp, 'workflows'), '.workflow-meta.xml'))
        for (const update of parseFieldUpdates(fs.readFileSync(file, 'utf8'), file))
            out.set(`${update.object}.${update.name}`.toLowerCase(), update);
    return out;
}
