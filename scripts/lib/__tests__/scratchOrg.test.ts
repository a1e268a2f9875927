// What setup:scratch puts into a scratch org beyond force-app: the Keystone app with our record pages as
// its defaults (valid metadata that the CLI converts, the same app otherwise), and a demo import the
// installing admin is allowed to write in full (judged by the user-mode-access check).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORCE_APP, ROOT } from '../project';
import { childText, parseXml, type XmlElement } from '../xmlTree';
import { SCRATCH_ONLY_SOURCE } from '../orgCommands';
import { metadataSchemaChecker, xmlWellFormedChecker } from '../../verify/checkers/xml';
import { runSf } from '../../verify/checkers/sourceConvert';
import { demoDataAccess } from '../../verify/checkers/userModeAccess';
import { formatFinding, projectAt } from '../../verify/finding';

const OVERLAY = path.join(ROOT, SCRATCH_ONLY_SOURCE);
const OVERLAY_APP = path.join(OVERLAY, 'applications', 'Keystone.app-meta.xml');
const APP = path.join(FORCE_APP, 'applications', 'Keystone.app-meta.xml');

function read(file: string): XmlElement {
    return parseXml(fs.readFileSync(file, 'utf8'));
}

function withoutOverrides(app: XmlElement): string {
    const strip = (element: XmlElement): unknown => ({
        name: element.name,
        text: element.children.length ? '' : element.text.trim(),
        children: element.children.filter((child) => child.name !== 'actionOverrides').map(strip)
    });
    return JSON.stringify(strip(app));
}

describe('record pages activated in the scratch org only', () => {
    it('makes every Keystone record page the Keystone app default for its object, on desktop', () => {
        const overrides = read(OVERLAY_APP)
            .children.filter((child) => child.name === 'actionOverrides')
            .filter((child) => childText(child, 'pageOrSobjectType') !== 'standard-home');
        const pages = fs
            .readdirSync(path.join(FORCE_APP, 'flexipages'))
            .map((file) => read(path.join(FORCE_APP, 'flexipages', file)))
            .filter((page) => childText(page, 'type') === 'RecordPage');
        assert.ok(pages.length >= 2);
        for (const page of pages) {
            const name = childText(page, 'masterLabel')!.replace(/ /g, '_');
            const override = overrides.find((candidate) => childText(candidate, 'content') === name);
            assert.ok(override, `${name} is activated`);
            assert.equal(childText(override, 'pageOrSobjectType'), childText(page, 'sobjectType'));
            assert.equal(childText(override, 'actionName'), 'View');
            assert.equal(childText(override, 'type'), 'Flexipage');
            assert.equal(childText(override, 'formFactor'), 'Large');
        }
        assert.equal(overrides.length, pages.length);
    });

    it('makes Keystone Home the Keystone app home, on desktop', () => {
        const homes = read(OVERLAY_APP)
            .children.filter((child) => child.name === 'actionOverrides')
            .filter((child) => childText(child, 'pageOrSobjectType') === 'standard-home');
        assert.equal(homes.length, 1);
        const home = homes[0]!;
        assert.equal(childText(home, 'actionName'), 'Tab');
        assert.equal(childText(home, 'type'), 'Flexipage');
        assert.equal(childText(home, 'formFactor'), 'Large');
        const page = read(
            path.join(FORCE_APP, 'flexipages', `${childText(home, 'content')}.flexipage-meta.xml`)
        );
        assert.equal(childText(page, 'type'), 'HomePage');
    });

    it('is the force-app Keystone app plus the overrides and nothing else', () => {
        assert.equal(withoutOverrides(read(OVERLAY_APP)), withoutOverrides(read(APP)));
    });

    it("leaves the customer's record pages alone (the app they deploy overrides only its own home), and approval dates read-only", () => {
        const app = read(APP);
        assert.ok(!app.children.some((child) => child.name === 'profileActionOverrides'));
        // Keystone's own app opens on Keystone Home; which Account page users see stays the customer's choice
        const overrides = app.children.filter((child) => child.name === 'actionOverrides');
        assert.deepEqual(
            overrides.map((child) => [childText(child, 'pageOrSobjectType'), childText(child, 'content')]),
            [['standard-home', 'Keystone_Home']]
        );
        assert.ok(
            !fs.existsSync(
                path.join(FORCE_APP, 'permissionsets', 'Keystone_Demo_Data_Loader.permissionset-meta.xml')
            )
        );
    });

    it('passes the metadata checks of npm run verify', async () => {
        const project = { root: ROOT, forceApp: OVERLAY, lwcSource: path.join(OVERLAY, 'none') };
        assert.deepEqual(await xmlWellFormedChecker.run(project), []);
        assert.deepEqual(await metadataSchemaChecker.run(project), []);
    });

    it('converts with sf project convert source into the app with its overrides', () => {
        const output = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-scratch-convert-'));
        try {
            const result = runSf(
                [
                    'project',
                    'convert',
                    'source',
                    '--source-dir',
                    SCRATCH_ONLY_SOURCE,
                    '--output-dir',
                    output,
                    '--json'
                ],
                ROOT
            );
            assert.equal(result.status, 0, result.stdout + result.stderr);
            const converted = read(path.join(output, 'applications', 'Keystone.app'));
            assert.equal(converted.children.filter((child) => child.name === 'actionOverrides').length, 3);
            const manifest = fs.readFileSync(path.join(output, 'package.xml'), 'utf8');
            assert.match(manifest, /<members>Keystone<\/members>/);
            assert.match(manifest, /<members>Keystone_Demo_Data_Loader<\/members>/);
        } finally {
            fs.rmSync(output, { recursive: true, force: true });
        }
    });
});

describe('the demo import runs as the installing admin', () => {
    it('writes only Keystone fields the admin may edit with the permission sets setup assigns', () => {
        // one definition: the user-mode-access check of npm run verify, which also names each field it refuses
        const { findings, checked } = demoDataAccess(projectAt(ROOT));
        assert.ok(checked > 50, `checked ${checked} field values`);
        assert.deepEqual(
            findings.map((finding) => formatFinding(finding, ROOT)),
            []
        );
    });
});
