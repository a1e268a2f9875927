import { createElement } from 'lwc';
import LandscapeAddCenter from 'c/landscapeAddCenter';
import type { NewBuyingCenter } from 'c/landscapeAddCenter';

type FormElement = HTMLElement & { kinds: unknown[]; centers: unknown[]; saving: boolean; error: string };

function mount(properties: Partial<FormElement> = {}): FormElement {
    const element = createElement('c-landscape-add-center', {
        is: LandscapeAddCenter
    }) as unknown as FormElement;
    Object.assign(element, {
        kinds: [
            { value: 'Division', label: 'Division' },
            { value: 'Function', label: 'Function' }
        ],
        centers: [
            { id: 'sales', name: 'Sales', parentId: null, kind: 'Function', active: true },
            { id: 'heli', name: 'Helicopters', parentId: null, kind: 'Division', active: true }
        ],
        ...properties
    });
    document.body.appendChild(element);
    return element;
}

async function settle(ticks = 4): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) await settle(ticks - 1);
}

function choose(element: HTMLElement, field: string, value: string): void {
    const select = element
        .shadowRoot!.querySelector(`c-keystone-select[data-field="${field}"]`)!
        .shadowRoot!.querySelector('select')!;
    select.value = value;
    select.dispatchEvent(new CustomEvent('change'));
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-landscape-add-center', () => {
    it('offers no kind and no parent first, then the kinds and buying centers it was given', async () => {
        const element = mount();
        await settle();
        const options = (field: string): string[] =>
            Array.from(
                element
                    .shadowRoot!.querySelector(`c-keystone-select[data-field="${field}"]`)!
                    .shadowRoot!.querySelectorAll('option')
            ).map((option) => `${option.value}:${option.textContent!.trim()}`);
        expect(options('kind')).toEqual([':— None —', 'Division:Division', 'Function:Function']);
        expect(options('parentId')).toEqual([':— None —', 'sales:Sales', 'heli:Helicopters']);
    });

    it('asks to add what the rep typed and chose, with null for what was not chosen', async () => {
        const element = mount();
        const added: NewBuyingCenter[] = [];
        element.addEventListener('add', (event) =>
            added.push((event as CustomEvent<NewBuyingCenter>).detail)
        );
        await settle();
        const name = element.shadowRoot!.querySelector('lightning-input') as HTMLElement & { value: string };
        name.value = 'Marketing';
        name.dispatchEvent(new CustomEvent('change'));
        choose(element, 'parentId', 'sales');
        await settle();
        (element.shadowRoot!.querySelector('[data-id="save-center"]') as HTMLElement).click();
        choose(element, 'kind', 'Function');
        choose(element, 'parentId', '');
        await settle();
        (element.shadowRoot!.querySelector('[data-id="save-center"]') as HTMLElement).click();
        expect(added).toEqual([
            { name: 'Marketing', kind: null, parentId: 'sales' },
            { name: 'Marketing', kind: 'Function', parentId: null }
        ]);
    });

    it('shows a refusal and waits while an add is on its way', async () => {
        const element = mount({ error: 'A buying center with this name exists.', saving: true });
        await settle();
        expect(element.shadowRoot!.querySelector('[data-id="add-error"]')!.textContent!.trim()).toBe(
            'A buying center with this name exists.'
        );
        expect(
            (
                element.shadowRoot!.querySelector('[data-id="save-center"]') as HTMLElement & {
                    disabled: boolean;
                }
            ).disabled
        ).toBe(true);
        await expect(element).toBeAccessible();
    });
});
