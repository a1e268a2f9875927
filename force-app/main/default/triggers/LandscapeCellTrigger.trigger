trigger LandscapeCellTrigger on Landscape_Cell__c(before insert, before update) {
    KeystoneTriggerService.dispatch(Landscape_Cell__c.SObjectType);
}
