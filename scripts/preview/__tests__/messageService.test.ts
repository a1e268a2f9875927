// The preview's lightning/messageService delivers a published message to the channel's subscribers only,
// after the publisher's turn, as a copy, and stops after unsubscribe.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { MessageContext, messageChannel, publish, subscribe, unsubscribe } from '../client/messageService';

describe('preview lightning/messageService', () => {
    it('delivers to subscribers of the channel, asynchronously, and not after unsubscribe', async () => {
        let context: object | undefined;
        new MessageContext((value) => (context = value)).connect();
        assert.ok(context, 'the wire gives a context');
        const change = messageChannel('Keystone_Buying_Center_Change__c');
        const other = messageChannel('Other__c');
        const received: Record<string, unknown>[] = [];
        const elsewhere: Record<string, unknown>[] = [];
        const subscription = subscribe(context, change, (message) => received.push(message));
        subscribe(context, other, (message) => elsewhere.push(message));
        const sent = { accountId: '001', buyingCenterId: 'a0B', name: 'Procurement', parentId: null };
        publish(context, messageChannel('Keystone_Buying_Center_Change__c'), sent);
        assert.equal(received.length, 0, 'not during the publisher’s turn');
        await Promise.resolve();
        assert.deepEqual(received, [sent]);
        assert.notEqual(received[0], sent, 'a copy, not the publisher’s object');
        assert.deepEqual(elsewhere, []);
        unsubscribe(subscription);
        publish(context, change, sent);
        await Promise.resolve();
        assert.equal(received.length, 1);
    });
});
