trigger StakeholderLinkTrigger on Stakeholder_Link__c(before insert, before update) {
    KeystoneTriggerService.dispatch(Stakeholder_Link__c.SObjectType);
}
