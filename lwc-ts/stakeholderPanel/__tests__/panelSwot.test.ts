import { panelSwotCards } from '../panelSwot';

describe('panelSwotCards', () => {
    it('is empty without items', () => {
        expect(panelSwotCards(null)).toEqual([]);
        expect(panelSwotCards(undefined)).toEqual([]);
    });

    it('drops rows without an id or category and orders High, Medium, Low, none, keeping the server order within', () => {
        const cards = panelSwotCards([
            { id: 'a', category: 'Strength', priority: null, description: null, planId: 'p', planName: null },
            { id: 'b', category: 'Threat', priority: 'Low', description: 'b', planId: 'p', planName: 'Plan' },
            {
                id: 'c',
                category: 'Threat',
                priority: 'High',
                description: 'c',
                planId: 'p',
                planName: 'Plan'
            },
            {
                id: 'd',
                category: 'Objection',
                priority: 'High',
                description: 'd',
                planId: 'p',
                planName: 'Plan'
            },
            {
                id: null,
                category: 'Threat',
                priority: 'High',
                description: 'x',
                planId: 'p',
                planName: 'Plan'
            },
            { id: 'e', category: null, priority: 'High', description: 'x', planId: 'p', planName: 'Plan' },
            null
        ]);
        expect(cards.map((card) => card.key)).toEqual(['c', 'd', 'b', 'a']);
        expect(cards[3]).toEqual({
            key: 'a',
            category: 'Strength',
            description: '',
            planName: '',
            className: 'swot-card slds-box slds-box_x-small swot-card_none'
        });
    });
});
