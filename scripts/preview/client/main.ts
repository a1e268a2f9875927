// Boots the preview page: synthetic shadow (as Lightning Experience runs), then the record-page shell.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import Shell from 'preview/shell';

const root = document.getElementById('root');
if (root) {
    root.appendChild(createElement('preview-shell', { is: Shell }));
}
