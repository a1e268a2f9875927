// The preview's address and record-form rules, and its lightning/pageReferenceUtils, without a browser.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeDefaultFieldValues, encodeDefaultFieldValues } from '../client/pageReferenceUtils';
import { initialValues, parseRoute, recordValues, unknownDefaults } from '../lwc/pageRoute/pageRoute';
import { urlFor } from '../client/navigation';

describe('pageReferenceUtils', () => {
    it('round-trips values with commas, equals signs, spaces and non-ASCII, and leaves undefined out', () => {
        const encoded = encodeDefaultFieldValues({
            Name: 'Meridian Bank — Retail × Cloud, phase=1',
            Amount: 750000,
            IsPrivate: false,
            Description: undefined,
            NextStep: null
        });
        assert.equal(
            encoded,
            'Name=Meridian%20Bank%20%E2%80%94%20Retail%20%C3%97%20Cloud%2C%20phase%3D1,Amount=750000,IsPrivate=false,NextStep'
        );
        assert.deepEqual(decodeDefaultFieldValues(encoded), {
            Name: 'Meridian Bank — Retail × Cloud, phase=1',
            Amount: '750000',
            IsPrivate: 'false',
            NextStep: null
        });
    });

    it('reads a space written as a plus sign and refuses what is not an object or a string', () => {
        assert.deepEqual(decodeDefaultFieldValues('Name=New+deal'), { Name: 'New deal' });
        assert.deepEqual(decodeDefaultFieldValues(''), {});
        assert.throws(() => encodeDefaultFieldValues(null as never), TypeError);
        assert.throws(
            () => encodeDefaultFieldValues({ When: new Date() as never }),
            /Invalid value type for 'When'/
        );
        assert.throws(() => decodeDefaultFieldValues(42 as never), TypeError);
    });
});

describe('parseRoute', () => {
    const reference = {
        type: 'standard__objectPage',
        attributes: { objectApiName: 'Opportunity', actionName: 'new' },
        state: {
            defaultFieldValues: encodeDefaultFieldValues({ AccountId: '001000000000001AAA', Amount: 5 })
        }
    };

    it('reads what the preview navigation writes: record pages and new-record pages', () => {
        assert.deepEqual(
            parseRoute(
                urlFor({ type: 'standard__recordPage', attributes: { recordId: '006A' } }),
                decodeDefaultFieldValues
            ),
            {
                kind: 'record',
                recordId: '006A'
            }
        );
        assert.deepEqual(parseRoute(urlFor(reference), decodeDefaultFieldValues), {
            kind: 'new',
            objectApiName: 'Opportunity',
            defaults: { AccountId: '001000000000001AAA', Amount: '5' }
        });
        assert.deepEqual(parseRoute('', decodeDefaultFieldValues), { kind: 'home' });
    });

    it('passes on other page references and says when the address cannot be read', () => {
        const list = {
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Opportunity', actionName: 'list' }
        };
        assert.deepEqual(parseRoute(urlFor(list), decodeDefaultFieldValues), {
            kind: 'other',
            reference: list
        });
        assert.equal(parseRoute('#/page/%7Bnot json', decodeDefaultFieldValues).kind, 'invalid');
        const broken = { ...reference, state: { defaultFieldValues: 'Name=%E2%80' } };
        assert.deepEqual(parseRoute(urlFor(broken), decodeDefaultFieldValues), {
            kind: 'invalid',
            reason: 'The default field values in the address cannot be decoded.'
        });
    });
});

describe('record form values', () => {
    const fields = [
        { name: 'Name', type: 'Text' },
        { name: 'Amount', type: 'Currency' },
        { name: 'CloseDate', type: 'Date' },
        { name: 'IsPrivate', type: 'Checkbox' }
    ];

    it('starts from the defaults and names the ones the form has no field for', () => {
        const defaults = {
            Name: 'Deal',
            Amount: '750000',
            IsPrivate: 'true',
            Bogus__c: 'x',
            CloseDate: null
        };
        assert.deepEqual(initialValues(fields, defaults), {
            Name: 'Deal',
            Amount: '750000',
            CloseDate: '',
            IsPrivate: true
        });
        assert.deepEqual(unknownDefaults(fields, defaults), ['Bogus__c']);
    });

    it('saves numbers as numbers, leaves empty fields out and sends unreadable numbers as typed', () => {
        assert.deepEqual(
            recordValues(fields, { Name: '  Deal ', Amount: '750000.5', CloseDate: '', IsPrivate: false }),
            { Name: 'Deal', Amount: 750000.5, IsPrivate: false }
        );
        assert.deepEqual(recordValues(fields, { Name: '', Amount: 'lots', CloseDate: '2027-09-30' }), {
            Amount: 'lots',
            CloseDate: '2027-09-30',
            IsPrivate: false
        });
    });
});
