trigger BuyingCenterTrigger on Buying_Center__c(before insert, before update) {
    KeystoneTriggerService.dispatch(Buying_Center__c.SObjectType);
}
