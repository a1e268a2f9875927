// The preview's Portfolio tab: its address (as the preview's lightning/navigation writes it and the shell
// reads it), and the portfolio's App Builder properties taken from the App page an org deploys.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORCE_APP, LWC_SOURCE } from '../../lib/project';
import { parseRoute } from '../lwc/pageRoute/pageRoute';
import { urlFor } from '../client/navigation';
import { portfolioProperties, PORTFOLIO_PAGE } from '../appPages';

const decode = (): Record<string, string | null> => ({});

describe('the Portfolio tab address', () => {
    it('is reached from a navItemPage reference and from its own address', () => {
        const reference = { type: 'standard__navItemPage', attributes: { apiName: PORTFOLIO_PAGE } };
        assert.equal(urlFor(reference), '#/app/Keystone_Portfolio');
        assert.deepEqual(parseRoute(urlFor(reference), decode), { kind: 'app', apiName: PORTFOLIO_PAGE });
        assert.deepEqual(parseRoute(`#/page/${encodeURIComponent(JSON.stringify(reference))}`, decode), {
            kind: 'app',
            apiName: PORTFOLIO_PAGE
        });
        assert.deepEqual(parseRoute('#/app/Other_Page', decode), { kind: 'app', apiName: 'Other_Page' });
        assert.equal(parseRoute('#/app/not a name', decode).kind, 'home');
    });
});

describe('the portfolio properties on its App page', () => {
    it('are the deployed flexipage values, typed as App Builder types them', () => {
        assert.deepEqual(portfolioProperties(), {
            attractivenessSplit: 5,
            healthSplit: 50,
            bubbleSize: 'revenue'
        });
    });

    function pageWith(properties: string): string {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-portfolio-page-'));
        fs.mkdirSync(path.join(root, 'flexipages'));
        const page = fs
            .readFileSync(path.join(FORCE_APP, 'flexipages', `${PORTFOLIO_PAGE}.flexipage-meta.xml`), 'utf8')
            .replace(/<componentInstanceProperties>[\s\S]*<\/componentInstanceProperties>/, properties);
        fs.writeFileSync(path.join(root, 'flexipages', `${PORTFOLIO_PAGE}.flexipage-meta.xml`), page);
        return root;
    }

    it('take the defaults of what the page leaves out', () => {
        const root = pageWith(
            '<componentInstanceProperties><name>bubbleSize</name><value>pipeline</value></componentInstanceProperties>'
        );
        try {
            assert.deepEqual(portfolioProperties(root, LWC_SOURCE), {
                attractivenessSplit: 5,
                healthSplit: 50,
                bubbleSize: 'pipeline'
            });
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it('refuse, naming the page and property, what App Builder would refuse', () => {
        const root = pageWith(
            '<componentInstanceProperties><name>healthSplit</name><value>100</value></componentInstanceProperties>'
        );
        try {
            assert.throws(
                () => portfolioProperties(root, LWC_SOURCE),
                /Keystone_Portfolio: healthSplit needs a whole number from 1 to 99, not "100"/
            );
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
