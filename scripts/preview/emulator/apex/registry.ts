// Every Apex controller the components call, by class and method, as the preview answers them.
import type { OrgStore } from '../store';
import { ApexError } from './apexError';
import { recordErrorLog, toAuraError } from './errors';
import { accountPlanController } from './accountPlanController';
import { orgChartController } from './orgChartController';
import { landscapeController } from './landscapeController';

export interface ApexMethodHandler {
    /** The Apex method's parameter names, in order: the component's argument keys must match. */
    params: string[];
    cacheable: boolean;
    invoke(org: OrgStore, args: Record<string, unknown>): unknown;
}

export type ApexClassHandler = Record<string, ApexMethodHandler>;

export const APEX_CONTROLLERS: Record<string, ApexClassHandler> = {
    AccountPlanController: accountPlanController,
    OrgChartController: orgChartController,
    LandscapeController: landscapeController
};

/** Calls `Class.method` with the component's arguments; throws ApexError as the platform would. */
export function invokeApex(org: OrgStore, endpoint: string, args: unknown): unknown {
    const [className = '', methodName = ''] = endpoint.split('.');
    // own keys only: "constructor" or "__proto__" must not reach Object's members
    const controller = Object.hasOwn(APEX_CONTROLLERS, className) ? APEX_CONTROLLERS[className] : undefined;
    const handler = controller && Object.hasOwn(controller, methodName) ? controller[methodName] : undefined;
    if (!handler)
        throw new ApexError(`No such @AuraEnabled method: ${endpoint}`, 'System.NoSuchMethodException');
    if (args !== undefined && args !== null && (typeof args !== 'object' || Array.isArray(args))) {
        throw new ApexError('Apex arguments must be an object of named parameters.', 'System.TypeException');
    }
    try {
        return handler.invoke(org, (args ?? {}) as Record<string, unknown>);
    } catch (error) {
        const aura = toAuraError(error, `${className}.${methodName}`);
        recordErrorLog(org, aura);
        throw aura;
    }
}
