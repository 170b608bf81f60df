/** What the security metadata readers say about a file they cannot use; each says what to fix. */
export const securityMessages = {
    notWellFormed: (reason: string): string =>
        `the file is not well-formed XML (${reason}): fix it so that it deploys.`,
    wrongRoot: (expected: string, found: string): string =>
        `expected a <${expected}> root element, found <${found}>: the file's suffix says it is a ${expected}.`,
    missingElement: (parent: string, element: string): string =>
        `<${parent}> has no <${element}>: the Metadata API requires it.`,
    notBoolean: (element: string, text: string): string =>
        `<${element}> is "${text}": write true or false.`,
    notInteger: (element: string, text: string): string =>
        `<${element}> is "${text}": write a whole number.`,
    notOneOf: (element: string, text: string, allowed: readonly string[]): string =>
        `<${element}> is "${text}": the Metadata API takes one of ${allowed.join(', ')}.`,
    headerWithoutValue: (name: string): string =>
        `the AuthHeader ${name} has no <parameterValue>: write the formula its value is evaluated from.`
} as const;
