// Boots the preview page: synthetic shadow (as Lightning Experience runs), then the record-page shell —
// or, at /print/<planId>, the plan's print view alone, as the KeystonePlanPrint Visualforce page shows it;
// at /reports, the shipped reports and dashboards run over the preview's data.
import '@lwc/synthetic-shadow';
import { installLwsDownloadRules } from './lwsDownloads';
import { createElement } from 'lwc';
import Shell from 'preview/shell';
import PrintPage from 'preview/printPage';
import ReportsPage from 'preview/reportsPage';

installLwsDownloadRules();

const root = document.getElementById('root');
const print = /^\/print\/(\w+)$/.exec(window.location.pathname);
if (root && print) {
    const page = createElement('preview-print-page', { is: PrintPage });
    Object.assign(page, { planId: print[1] });
    root.appendChild(page);
} else if (root && window.location.pathname === '/reports') {
    root.appendChild(createElement('preview-reports-page', { is: ReportsPage }));
} else if (root) {
    root.appendChild(createElement('preview-shell', { is: Shell }));
}
