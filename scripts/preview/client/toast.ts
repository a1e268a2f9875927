// The preview's lightning/platformShowToastEvent: the same event the platform listens for; the
// preview shell shows it as an SLDS toast.

export interface ShowToastEventInit {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit) {
        super('lightning__showtoast', { detail: init, bubbles: true, composed: true, cancelable: true });
    }
}
