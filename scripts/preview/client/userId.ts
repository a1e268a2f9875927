// The preview's @salesforce/user/Id: the demo KAM.
const userId = '005000000000001AAA';
export default userId;
