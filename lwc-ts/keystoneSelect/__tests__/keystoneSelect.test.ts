import { createElement } from 'lwc';
import KeystoneSelect from 'c/keystoneSelect';

type SelectElement = HTMLElement & {
    label: string;
    options: readonly { value: string; label: string }[];
    value: string;
    disabled: boolean;
    variant: string;
    field?: string;
    filter?: string;
};

const OPTIONS = [
    { value: '', label: '--None--' },
    { value: 'Champion', label: 'Champion' },
    { value: 'Blocker', label: 'Blocker' }
];

function mount(properties: Partial<SelectElement> = {}): SelectElement {
    const element = createElement('c-keystone-select', { is: KeystoneSelect }) as SelectElement;
    Object.assign(element, { label: 'Stance', options: OPTIONS, ...properties });
    document.body.appendChild(element);
    return element;
}

function select(element: HTMLElement): HTMLSelectElement {
    return element.shadowRoot!.querySelector('select')!;
}

async function settle(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-keystone-select', () => {
    it('labels the select, lists the options in order and selects the value', async () => {
        const element = mount({ value: 'Champion', field: 'stance' });
        await settle();
        const label = element.shadowRoot!.querySelector('label')!;
        expect(label.textContent).toBe('Stance');
        expect(label.className).toBe('slds-form-element__label');
        expect(label.getAttribute('for')).toBe(select(element).id);
        expect(Array.from(select(element).options).map((option) => [option.value, option.label])).toEqual([
            ['', '--None--'],
            ['Champion', 'Champion'],
            ['Blocker', 'Blocker']
        ]);
        expect(select(element).value).toBe('Champion');
        expect(select(element).dataset.field).toBe('stance');
        expect(select(element).hasAttribute('data-filter')).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('says what the rep chose, on the event and on the element, once', async () => {
        const element = mount({ value: '', filter: 'stance', variant: 'label-hidden' });
        const heard: { value: string; fromElement: string }[] = [];
        element.addEventListener('change', (event) =>
            heard.push({
                value: (event as CustomEvent<{ value: string }>).detail.value,
                fromElement: (event.target as SelectElement).value
            })
        );
        await settle();
        expect(element.shadowRoot!.querySelector('label')!.className).toContain('slds-assistive-text');
        expect(select(element).dataset.filter).toBe('stance');
        select(element).value = 'Blocker';
        select(element).dispatchEvent(new CustomEvent('change'));
        expect(heard).toEqual([{ value: 'Blocker', fromElement: 'Blocker' }]);
        await expect(element).toBeAccessible();
    });

    it('follows a value the parent sets, reads null as none, and can be disabled', async () => {
        const element = mount({ value: 'Champion' });
        await settle();
        element.value = null as unknown as string;
        element.disabled = true;
        await settle();
        expect(element.value).toBe('');
        expect(select(element).value).toBe('');
        expect(select(element).disabled).toBe(true);
    });

    it('without a value, shows the option marked selected, and follows new options after a change', async () => {
        const element = mount({
            options: OPTIONS.map((option) => ({ ...option, selected: option.value === 'Blocker' }))
        });
        await settle();
        expect(element.value).toBe('Blocker');
        expect(select(element).value).toBe('Blocker');
        select(element).value = 'Champion';
        select(element).dispatchEvent(new CustomEvent('change'));
        expect(element.value).toBe('Champion');
        // the parent answers with its own state: here it cleared the choice
        element.options = OPTIONS.map((option) => ({ ...option, selected: option.value === '' }));
        await settle();
        expect(element.value).toBe('');
        expect(select(element).value).toBe('');
    });
});
