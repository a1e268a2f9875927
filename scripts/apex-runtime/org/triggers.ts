// Apex triggers: each `.trigger` file parsed once with the parser's trigger rule into the object it is
// on, the events it fires for and its body's statements.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApexErrorListener, ApexParserFactory, type StatementContext } from '@apexdevtools/apex-parser';
import { unsupported } from '../errors';
import type { TriggerEvent } from './dml';

export interface TriggerDef {
    name: string;
    object: string;
    events: Set<TriggerEvent>;
    statements: StatementContext[];
    file: string;
    line: number;
}

export function parseTrigger(source: string, file: string): TriggerDef {
    const errors: string[] = [];
    class Collector extends ApexErrorListener {
        apexSyntaxError(line: number, _column: number, message: string): void {
            errors.push(`${file}:${line}: ${message}`);
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(source, new Collector());
    const unit = parser.triggerUnit();
    if (errors.length) throw new Error(`syntax error: ${errors.join('; ')}`);
    const [name, object] = unit.id_list().map((id) => id.getText());
    const events = new Set<TriggerEvent>(
        unit.triggerCase_list().map(
            (event) =>
                event
                    .getText()
                    .replace(/^(before|after)/i, '$1 ')
                    .toLowerCase() as TriggerEvent
        )
    );
    const statements: StatementContext[] = [];
    for (const member of unit.triggerBlock().triggerBlockMember_list()) {
        const statement = member.statement();
        if (!statement) throw unsupported('a declaration in a trigger body', file, member.start.line);
        statements.push(statement);
    }
    return { name, object, events, statements, file, line: unit.start.line };
}

/** Every `.trigger` under a folder, by object (lower-cased), in file-name order. */
export function loadTriggers(folder: string): Map<string, TriggerDef[]> {
    const byObject = new Map<string, TriggerDef[]>();
    if (!fs.existsSync(folder)) return byObject;
    for (const entry of fs.readdirSync(folder).sort()) {
        if (!entry.endsWith('.trigger')) continue;
        const file = path.join(folder, entry);
        const trigger = parseTrigger(fs.readFileSync(file, 'utf8'), file);
        const key = trigger.object.toLowerCase();
        byObject.set(key, [...(byObject.get(key) ?? []), trigger]);
    }
    return byObject;
}
