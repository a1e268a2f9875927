// Every offline check, in the order verify runs them (cheap and local first).
import type { Checker } from '../finding';
import { typescriptChecker } from './typescript';
import { eslintChecker } from './eslint';
import { prettierChecker } from './prettier';
import { metadataSchemaChecker, xmlWellFormedChecker } from './xml';
import { sourceConvertChecker } from './sourceConvert';
import { apexSecurityChecker, apexSemanticsChecker, soqlFieldsChecker } from './apex';
import { pmdChecker } from './pmd';
import { lwcPlatformChecker } from './lwcPlatform';
import { crossReferencesChecker } from './crossReferences';
import { approvalProcessesChecker } from './approvalProcesses';
import { fieldHistoryChecker } from './fieldHistory';
import { tabMotifsChecker } from './tabMotifs';
import { demoDataChecker } from './demoData';
import { userModeAccessChecker } from './userModeAccess';

export const CHECKERS: readonly Checker[] = [
    typescriptChecker,
    eslintChecker,
    prettierChecker,
    xmlWellFormedChecker,
    metadataSchemaChecker,
    crossReferencesChecker,
    approvalProcessesChecker,
    fieldHistoryChecker,
    tabMotifsChecker,
    demoDataChecker,
    soqlFieldsChecker,
    userModeAccessChecker,
    apexSecurityChecker,
    apexSemanticsChecker,
    pmdChecker,
    lwcPlatformChecker,
    sourceConvertChecker
];
