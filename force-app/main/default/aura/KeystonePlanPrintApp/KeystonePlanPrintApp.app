<!-- Lightning Out dependency app of the KeystonePlanPrint Visualforce page: it names the one component the page creates. -->
<aura:application access="GLOBAL" extends="ltng:outApp">
    <aura:dependency resource="c:accountPlanPrint" />
</aura:application>
