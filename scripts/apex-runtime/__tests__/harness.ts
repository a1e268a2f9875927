// Test helper (not a test): one way for the runtime's trust tests to run a snippet and read what it
// returned or threw, and to build an empty org with Keystone's objects and only the triggers a test names.
import { ApexThrow, Interpreter } from '../interpreter';
import { ApexOrg } from '../org/apexOrg';
import { Registry } from '../registry';
import { toApexString, typeNameForException } from '../semantics';
import { FORCE_APP } from '../../lib/project';

/** An org with Keystone's objects and none of its triggers, plus the given triggers and classes. */
export function freshOrg(
    triggers: string[] = [],
    classes: string[] = []
): { apex: Interpreter; org: ApexOrg } {
    const org = ApexOrg.empty(FORCE_APP);
    org.triggers.clear();
    triggers.forEach((source, i) => org.addTrigger(source, `T${i}.trigger`));
    const registry = new Registry();
    classes.forEach((source, i) => registry.addSource(source, `C${i}.cls`));
    return { apex: new Interpreter(registry, org), org };
}

/** What the snippet returns, as Apex prints it. */
export function run(apex: Interpreter, body: string): string {
    return toApexString(apex.runSnippet(body));
}

/** `Type: message` of the Apex exception the snippet throws; fails when it throws nothing. */
export function thrown(apex: Interpreter, body: string): string {
    try {
        apex.runSnippet(body);
    } catch (error) {
        if (error instanceof ApexThrow)
            return `${typeNameForException(error.exception)}: ${String(error.exception.fields.get('message'))}`;
        throw error;
    }
    throw new Error('nothing was thrown');
}
