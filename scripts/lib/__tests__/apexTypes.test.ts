// What each @AuraEnabled method returns, typed from the Apex: primitives as the JSON the platform sends,
// collections, inner classes resolved as Apex resolves them, enums, SObjects with their fields and
// relationships, and only the members the platform serialises.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readApexFile } from '../apexModel';
import { generateApexTypes, parseTypeRef, readSObjects, writeApexTypes } from '../apexTypes';
import { ROOT } from '../project';

function project(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-types-'));
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
    }
    return root;
}

const CLASSES = 'force-app/main/default/classes';
const OBJECTS = 'force-app/main/default/objects';

function generated(files: Record<string, string>): { text: string; unresolved: string[] } {
    const root = project(files);
    const forceApp = path.join(root, 'force-app', 'main', 'default');
    const apex = Object.keys(files)
        .filter((file) => file.endsWith('.cls'))
        .map((file) => readApexFile(path.join(root, file)));
    return generateApexTypes(apex, readSObjects(forceApp));
}

const SERVICE = `public with sharing class BoardService {
    public enum Outcome { WON, LOST }
    public class Board {
        @AuraEnabled public Id id;
        @AuraEnabled public String title, owner;
        @AuraEnabled public Integer seats { get; set; }
        @AuraEnabled public Date startsOn;
        @AuraEnabled public Datetime seenAt;
        @AuraEnabled public Boolean open;
        @AuraEnabled public Long big;
        @AuraEnabled public Double ratio;
        @AuraEnabled public List<Member> members;
        @AuraEnabled public Set<String> tags;
        @AuraEnabled public Map<String, List<Member>> byRole;
        @AuraEnabled public Outcome outcome;
        @AuraEnabled public Object anything;
        @AuraEnabled public Contact lead;
        @AuraEnabled public Schema.PicklistEntry entry;
        @AuraEnabled public static String shared;
        private String hidden;
        public String notAuraEnabled;
    }
    public class Member {
        @AuraEnabled public String name;
        @AuraEnabled public Board board;
    }
}`;

const CONTROLLER = `public with sharing class BoardController {
    @AuraEnabled(cacheable=true)
    public static BoardService.Board getBoard(Id boardId) { return null; }
    @AuraEnabled
    public static List<BoardService.Member> members(Id boardId) { return null; }
    @AuraEnabled
    public static void close(Id boardId) {}
    @AuraEnabled
    public static Map<String, Decimal> totals() { return null; }
    @AuraEnabled
    public static Board ownBoard() { return null; }
    public class Board { @AuraEnabled public String own; }
}`;

const FIELD = (name: string, type: string, extra = ''): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>${name}</fullName>\n    <type>${type}</type>${extra}\n</CustomField>\n`;

const FILES = {
    [`${CLASSES}/services/BoardService.cls`]: SERVICE,
    [`${CLASSES}/controllers/BoardController.cls`]: CONTROLLER,
    [`${OBJECTS}/Contact/fields/Influence__c.field-meta.xml`]: FIELD('Influence__c', 'Number'),
    [`${OBJECTS}/Contact/fields/Leaving__c.field-meta.xml`]: FIELD('Leaving__c', 'Checkbox'),
    [`${OBJECTS}/Contact/fields/Buying_Center__c.field-meta.xml`]: FIELD(
        'Buying_Center__c',
        'Lookup',
        '\n    <referenceTo>Buying_Center__c</referenceTo>'
    ),
    [`${OBJECTS}/Buying_Center__c/fields/Kind__c.field-meta.xml`]: FIELD('Kind__c', 'Picklist')
};

describe('generated Apex result types', () => {
    const { text, unresolved } = generated(FILES);
    const block = (start: string): string => {
        const from = text.indexOf(start);
        assert.ok(from >= 0, `no "${start}" in:\n${text}`);
        return text.slice(from, text.indexOf('\n    }', from));
    };

    it('maps primitives to the JSON the platform sends, every member nullable', () => {
        const board = block('export interface BoardService_Board {');
        for (const line of [
            'id: string | null;',
            'title: string | null;',
            'owner: string | null;',
            'seats: number | null;',
            'startsOn: string | null;',
            'seenAt: string | null;',
            'open: boolean | null;',
            'big: number | null;',
            'ratio: number | null;',
            'tags: string[] | null;',
            'anything: unknown;'
        ])
            assert.ok(board.includes(line), `${line} missing from\n${board}`);
    });

    it('serialises only public instance members marked @AuraEnabled', () => {
        const board = block('export interface BoardService_Board {');
        assert.ok(!/\bhidden\b|notAuraEnabled|shared/.test(board), board);
    });

    it('resolves inner classes from the same outer class, lists, maps and enums', () => {
        const board = block('export interface BoardService_Board {');
        assert.ok(board.includes('members: BoardService_Member[] | null;'));
        assert.ok(board.includes('byRole: Record<string, BoardService_Member[]> | null;'));
        assert.ok(board.includes('outcome: BoardService_Outcome | null;'));
        assert.ok(text.includes("export type BoardService_Outcome = 'WON' | 'LOST';"));
        assert.ok(
            block('export interface BoardService_Member {').includes('board: BoardService_Board | null;')
        );
    });

    it('prefers the inner class of the method’s own class over a same-named one elsewhere', () => {
        assert.match(
            text,
            /BoardController\.ownBoard'[\s\S]*?export type Result = BoardController_Board \| null;/
        );
        assert.ok(block('export interface BoardController_Board {').includes('own: string | null;'));
    });

    it('types SObjects from their field metadata, with relationships as nested records', () => {
        const contact = block('export interface Contact {');
        for (const line of [
            'Id?: string | null;',
            'Name?: string | null;',
            'Influence__c?: number | null;',
            'Leaving__c?: boolean | null;',
            'Buying_Center__c?: string | null;',
            'Buying_Center__r?: Buying_Center__c | null;',
            'ReportsTo?: Contact | null;'
        ])
            assert.ok(contact.includes(line), `${line} missing from\n${contact}`);
        assert.ok(block('export interface Buying_Center__c {').includes('Kind__c?: string | null;'));
    });

    it('types each method module: parameters, Result, and a method that resolves to it', () => {
        assert.match(
            text,
            /BoardController\.getBoard' \{[\s\S]*?export type Result = BoardService_Board \| null;[\s\S]*?ApexMethod<\{ boardId: string \| null \| undefined \}, Result>/
        );
        assert.match(
            text,
            /BoardController\.members'[\s\S]*?export type Result = BoardService_Member\[\] \| null;/
        );
        assert.match(text, /BoardController\.close'[\s\S]*?export type Result = void;/);
        assert.match(
            text,
            /BoardController\.totals'[\s\S]*?export type Result = Record<string, number> \| null;/
        );
    });

    it('types what it cannot describe as unknown and names it', () => {
        assert.ok(block('export interface BoardService_Board {').includes('entry: unknown;'));
        assert.deepEqual(unresolved, ['Schema.PicklistEntry']);
    });
});

describe('parseTypeRef', () => {
    it('reads nested generics and arrays, and refuses what is not a type', () => {
        assert.deepEqual(parseTypeRef('Map<String, List<A.B>>'), {
            name: 'Map',
            args: [
                { name: 'String', args: [], array: 0 },
                { name: 'List', args: [{ name: 'A.B', args: [], array: 0 }], array: 0 }
            ],
            array: 0
        });
        assert.deepEqual(parseTypeRef('String[]'), { name: 'String', args: [], array: 1 });
        assert.throws(() => parseTypeRef('List<String'), /cannot read Apex type "List<String"/);
    });
});

describe('the product', () => {
    it('types every @AuraEnabled result of Keystone without an unknown class of its own', () => {
        const root = project({});
        fs.cpSync(path.join(ROOT, 'force-app', 'main', 'default', 'classes'), path.join(root, CLASSES), {
            recursive: true
        });
        fs.cpSync(path.join(ROOT, 'force-app', 'main', 'default', 'objects'), path.join(root, OBJECTS), {
            recursive: true
        });
        const unresolved = writeApexTypes(root);
        assert.deepEqual(unresolved, []);
        const text = fs.readFileSync(path.join(root, 'types', 'generated', 'apex.d.ts'), 'utf8');
        assert.ok(!/export type Result = unknown/.test(text), 'a method result typed unknown');
        assert.match(
            text,
            /OrgChartController\.getOrgChart'[\s\S]*?export type Result = OrgChartService_OrgChartPage \| null;/
        );
    });
});
