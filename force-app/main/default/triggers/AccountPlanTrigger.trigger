trigger AccountPlanTrigger on Account_Plan__c(before update, after update) {
    KeystoneTriggerService.dispatch(Account_Plan__c.SObjectType);
}
