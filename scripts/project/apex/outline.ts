import { fileTypes, triggerOf } from './declarations';
import { readCode } from './references';
import type { ApexOutline, ParsedApex } from './types';

/**
 * What a parsed class or trigger declares (its types and their members) and names in its code
 * (queries, static field references, labels), read from its tree. A file with syntax errors
 * gives what the parser could read.
 */
export function outlineApex(parsed: ParsedApex): ApexOutline {
    const code = readCode(parsed.tree);
    return parsed.kind === 'trigger'
        ? { types: [], trigger: triggerOf(parsed.tree), ...code }
        : { types: fileTypes(parsed.tree), ...code };
}
