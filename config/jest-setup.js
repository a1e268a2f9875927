// Adds the accessibility matcher (toBeAccessible) to every component test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
