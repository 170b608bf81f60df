/**
 * Registers sa11y's Jest matcher, `await expect(element).toBeAccessible()`, for the Lightning
 * web components' tests: it runs axe's accessibility rules on the rendered DOM.
 */
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
