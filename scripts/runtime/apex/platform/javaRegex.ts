/**
 * Java regular expressions on JavaScript's engine. Apex's regular expressions are Java's (DG
 * "Using Patterns and Matchers": "Regular expressions in Apex follow the standard syntax for
 * regular expressions used in Java"): a Java pattern is translated to a JavaScript one where the
 * two read differently, and what JavaScript cannot express (possessive quantifiers, atomic
 * groups, class unions and intersections, \G, flags inside the pattern) is reported as
 * RegexUnsupported for the caller to refuse.
 *
 * What the translation keeps from Java (java.util.regex.Pattern): `.` stops at the five Java
 * line terminators; `$` and \Z also match before a final line terminator; \s is ASCII white
 * space; `[]a]` is a class holding `]`; (?m) and (?s) change ^, $ and `.` as Java's MULTILINE
 * and DOTALL do; the pattern runs on code points (JavaScript's u flag). Known differences left:
 * a back reference to a group that did not take part matches the empty string in JavaScript and
 * fails in Java; \b next to non-ASCII letters; (?i) folds case of non-ASCII input the Unicode way.
 */

/** A construct JavaScript cannot express, or a pattern Java itself rejects. */
export class RegexUnsupported extends Error {
    public constructor(public readonly what: string) {
        super(what);
        this.name = 'RegexUnsupported';
    }
}

const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';
const ANY = '[\\s\\S]';
const INPUT_START = '(?<![\\s\\S])';
const INPUT_END = '(?![\\s\\S])';
/** Java's \s: [ \t\n\x0B\f\r]. */
const JAVA_SPACE = '\\t\\n\\x0B\\f\\r ';
/** End of input, or before a line terminator that ends it, never between \r and \n. */
const FINAL_END = `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${INPUT_END})(?!(?<=\\r)\\n)`;
/** MULTILINE $: before any line terminator or at the end, never between \r and \n. */
const LINE_END = `(?:(?=[${LINE_TERMINATORS}])(?!(?<=\\r)\\n)|${INPUT_END})`;
/** MULTILINE ^: at the start, or after a line terminator that does not end the input. */
const LINE_START = `(?:${INPUT_START}|(?<=[\\n\\u0085\\u2028\\u2029]|\\r(?!\\n))(?=[\\s\\S]))`;

/** Java's POSIX character classes (US-ASCII only), as the body of a JavaScript class. */
const POSIX: Readonly<Record<string, string>> = {
    Lower: 'a-z',
    Upper: 'A-Z',
    ASCII: '\\x00-\\x7F',
    Alpha: 'a-zA-Z',
    Digit: '0-9',
    Alnum: 'a-zA-Z0-9',
    Punct: '!-\\/:-@\\[-`{-~',
    Graph: '!-~',
    Print: ' -~',
    Blank: ' \\t',
    Cntrl: '\\x00-\\x1F\\x7F',
    XDigit: '0-9a-fA-F',
    Space: JAVA_SPACE
};

/** Unicode general categories, which Java and JavaScript name alike. */
const CATEGORIES = new Set(
    'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Co Cs Cn'.split(
        ' '
    )
);

/** Characters a u-mode JavaScript pattern lets (and needs) be escaped outside a class. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

const hex4 = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

/** A code point as a JavaScript pattern atom. */
function codePointAtom(code: number): string {
    return code > 0xffff ? `\\u{${code.toString(16)}}` : hex4(code);
}

/** A literal character, escaped where the JavaScript pattern would read it otherwise. */
const literal = (char: string): string => (SYNTAX.has(char) ? `\\${char}` : char);

interface ClassItem {
    readonly text: string;
    /** One character, so that it may end or start a range. */
    readonly single: boolean;
}

class Translator {
    private index = 0;
    private out = '';
    public groups = 0;
    /** Each named group's number. */
    public readonly names = new Map<string, number>();

    public constructor(
        private readonly source: string,
        private readonly multiline: boolean,
        private readonly dotAll: boolean,
        start: number
    ) {
        this.index = start;
    }

    public run(): string {
        while (this.index < this.source.length) {
            this.atom();
        }
        return this.out;
    }

    private peek(offset = 0): string {
        return this.source.charAt(this.index + offset);
    }

    private atom(): void {
        const char = this.peek();
        switch (char) {
            case '\\':
                this.out += this.escape();
                return;
            case '[':
                this.out += this.characterClass();
                return;
            case '(':
                this.out += this.groupOpen();
                return;
            case '.':
                this.index++;
                this.out += this.dotAll ? ANY : `[^${LINE_TERMINATORS}]`;
                return;
            case '^':
                this.index++;
                this.out += this.multiline ? LINE_START : INPUT_START;
                return;
            case '$':
                this.index++;
                this.out += this.multiline ? LINE_END : FINAL_END;
                return;
            case '*':
            case '+':
            case '?':
                this.index++;
                this.out += char;
                this.quantifierMode();
                return;
            case '{': {
                const bounds = /^\{\d+(?:,\d*)?\}/.exec(this.source.slice(this.index));
                if (!bounds) {
                    throw new RegexUnsupported("a '{' that starts no repetition (Java rejects it)");
                }
                this.index += bounds[0].length;
                this.out += bounds[0];
                this.quantifierMode();
                return;
            }
            case '|':
            case ')':
                this.index++;
                this.out += char;
                return;
            case '}':
            case ']':
                this.index++;
                this.out += `\\${char}`;
                return;
            default: {
                const code = this.source.codePointAt(this.index) ?? 0;
                const text = String.fromCodePoint(code);
                this.index += text.length;
                this.out += literal(text);
            }
        }
    }

    /** A lazy `?` passes; a possessive `+` has no JavaScript form. */
    private quantifierMode(): void {
        if (this.peek() === '?') {
            this.index++;
            this.out += '?';
        } else if (this.peek() === '+') {
            throw new RegexUnsupported('a possessive quantifier');
        }
    }

    private groupOpen(): string {
        const rest = this.source.slice(this.index);
        const named = /^\(\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
        if (named) {
            this.index += named[0].length;
            this.groups++;
            this.names.set(named[1] ?? '', this.groups);
            return named[0];
        }
        for (const opener of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) {
            if (rest.startsWith(opener)) {
                this.index += opener.length;
                return opener;
            }
        }
        if (rest.startsWith('(?>')) {
            throw new RegexUnsupported('an atomic group (?>...)');
        }
        if (rest.startsWith('(?')) {
            throw new RegexUnsupported(
                'flags set inside the pattern (only a leading (?i), (?m), (?s) or (?u) is)'
            );
        }
        this.index++;
        this.groups++;
        return '(';
    }

    /** An escape outside a character class. */
    private escape(): string {
        const letter = this.peek(1);
        if (letter === '') {
            throw new RegexUnsupported('a pattern ending in a backslash (Java rejects it)');
        }
        if (/[1-9]/.test(letter)) {
            return this.backReference();
        }
        switch (letter) {
            case 'Q':
                return this.quoted(false)
                    .map((item) => item.text)
                    .join('');
            case 'A':
                this.index += 2;
                return INPUT_START;
            case 'z':
                this.index += 2;
                return INPUT_END;
            case 'Z':
                this.index += 2;
                return FINAL_END;
            case 'b':
            case 'B':
            case 'd':
            case 'D':
            case 'w':
            case 'W':
                this.index += 2;
                return `\\${letter}`;
            case 's':
                this.index += 2;
                return `[${JAVA_SPACE}]`;
            case 'S':
                this.index += 2;
                return `[^${JAVA_SPACE}]`;
            case 'p':
            case 'P':
                return this.property(false).text;
            case 'k': {
                const name = /^\\k<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.source.slice(this.index));
                if (!name || !this.names.has(name[1] ?? '')) {
                    throw new RegexUnsupported('a named back reference to no earlier group');
                }
                this.index += name[0].length;
                return name[0];
            }
            default:
                return this.characterEscape(false).text;
        }
    }

    /**
     * \n: a back reference. Java reads more digits only while they still name a group opened
     * before it; JavaScript's own reading differs, so the number is closed off in a group.
     */
    private backReference(): string {
        this.index++;
        let number = Number(this.peek());
        this.index++;
        while (/[0-9]/.test(this.peek()) && number * 10 + Number(this.peek()) <= this.groups) {
            number = number * 10 + Number(this.peek());
            this.index++;
        }
        if (number > this.groups) {
            throw new RegexUnsupported(`a back reference to group ${number}, not opened before it`);
        }
        return `(?:\\${number})`;
    }

    /** \Q...\E: literal text, to \E or the end of the pattern. */
    private quoted(inClass: boolean): ClassItem[] {
        this.index += 2;
        const end = this.source.indexOf('\\E', this.index);
        const text = this.source.slice(this.index, end < 0 ? this.source.length : end);
        this.index = end < 0 ? this.source.length : end + 2;
        // eslint-disable-next-line @typescript-eslint/no-misused-spread
        return [...text].map((char) => ({
            text: inClass ? classLiteral(char) : literal(char),
            single: true
        }));
    }

    /** \p{Name} and \P{Name}: Java's POSIX classes and the Unicode general categories. */
    private property(inClass: boolean): ClassItem {
        const negated = this.peek(1) === 'P';
        const match = /^\\[pP](?:\{(\w+)\}|([A-Z]))/.exec(this.source.slice(this.index));
        if (!match) {
            throw new RegexUnsupported('a malformed \\p{...} (Java rejects it)');
        }
        this.index += match[0].length;
        const name = match[1] ?? match[2] ?? '';
        const posix = POSIX[name];
        if (posix !== undefined) {
            if (!inClass) {
                return { text: `[${negated ? '^' : ''}${posix}]`, single: false };
            }
            if (negated) {
                throw new RegexUnsupported(`\\P{${name}} inside a character class`);
            }
            return { text: posix, single: false };
        }
        const category = name.startsWith('Is') ? name.slice(2) : name;
        if (CATEGORIES.has(category)) {
            return { text: `\\${negated ? 'P' : 'p'}{${category}}`, single: false };
        }
        throw new RegexUnsupported(`the character property \\p{${name}}`);
    }

    /** An escape that stands for one character: \t, \x41, \u0041, \0101, \cA, \$, ... */
    private characterEscape(inClass: boolean): ClassItem {
        const letter = this.peek(1);
        const rest = this.source.slice(this.index);
        const simple: Readonly<Record<string, number>> = {
            t: 0x09,
            n: 0x0a,
            r: 0x0d,
            f: 0x0c,
            a: 0x07,
            e: 0x1b
        };
        const code = simple[letter];
        if (code !== undefined) {
            this.index += 2;
            return { text: hex4(code), single: true };
        }
        if (letter === '0') {
            const octal = /^\\0([0-3][0-7]{2}|[0-7]{1,2})/.exec(rest);
            if (!octal) {
                throw new RegexUnsupported('\\0 without an octal digit (Java rejects it)');
            }
            this.index += octal[0].length;
            return { text: hex4(parseInt(octal[1] ?? '0', 8)), single: true };
        }
        if (letter === 'x') {
            const hex = /^\\x(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{2}))/.exec(rest);
            const value = hex ? parseInt(hex[1] ?? hex[2] ?? '', 16) : NaN;
            if (!hex || !(value <= 0x10ffff)) {
                throw new RegexUnsupported('a malformed \\x escape (Java rejects it)');
            }
            this.index += hex[0].length;
            return { text: codePointAtom(value), single: true };
        }
        if (letter === 'u') {
            const hex = /^\\u([0-9a-fA-F]{4})/.exec(rest);
            if (!hex) {
                throw new RegexUnsupported('a malformed \\u escape (Java rejects it)');
            }
            this.index += hex[0].length;
            return { text: hex4(parseInt(hex[1] ?? '0', 16)), single: true };
        }
        if (letter === 'c') {
            const control = this.source.charCodeAt(this.index + 2);
            if (Number.isNaN(control)) {
                throw new RegexUnsupported('\\c at the end of the pattern (Java rejects it)');
            }
            this.index += 3;
            return { text: hex4(control ^ 64), single: true };
        }
        if (/[a-zA-Z0-9]/.test(letter)) {
            throw new RegexUnsupported(`the escape \\${letter}`);
        }
        // Any other character after a backslash stands for itself.
        const char = String.fromCodePoint(this.source.codePointAt(this.index + 1) ?? 0);
        this.index += 1 + char.length;
        return { text: inClass ? classLiteral(char) : literal(char), single: true };
    }

    /** [...]: Java's classes, without the unions and intersections JavaScript lacks. */
    private characterClass(): string {
        this.index++;
        let out = '[';
        if (this.peek() === '^') {
            this.index++;
            out += '^';
        }
        let first = true;
        let previous: ClassItem | undefined;
        for (;;) {
            const char = this.peek();
            if (char === '') {
                throw new RegexUnsupported('an unclosed character class (Java rejects it)');
            }
            if (char === ']' && !first) {
                this.index++;
                return `${out}]`;
            }
            if (char === '[') {
                throw new RegexUnsupported('a character class inside a character class');
            }
            if (char === '&' && this.peek(1) === '&') {
                throw new RegexUnsupported('a character class intersection (&&)');
            }
            first = false;
            if (char === '-' && previous?.single && this.peek(1) !== ']' && this.peek(1) !== '') {
                this.index++;
                const end = this.classItem();
                if (!end.single) {
                    throw new RegexUnsupported('a range that ends in a class escape');
                }
                out += `-${end.text}`;
                previous = undefined;
                continue;
            }
            const items =
                this.peek() === '\\' && this.peek(1) === 'Q'
                    ? this.quoted(true)
                    : [this.classItem()];
            for (const item of items) {
                out += item.text;
                previous = item;
            }
        }
    }

    private classItem(): ClassItem {
        const char = this.peek();
        if (char !== '\\') {
            const text = String.fromCodePoint(this.source.codePointAt(this.index) ?? 0);
            this.index += text.length;
            return { text: classLiteral(text), single: true };
        }
        const letter = this.peek(1);
        switch (letter) {
            case 'd':
            case 'D':
            case 'w':
            case 'W':
                this.index += 2;
                return { text: `\\${letter}`, single: false };
            case 's':
                this.index += 2;
                return { text: JAVA_SPACE, single: false };
            case 'p':
            case 'P':
                return this.property(true);
            case 'S':
            case 'b':
            case 'B':
                throw new RegexUnsupported(`\\${letter} inside a character class`);
            default:
                if (/[1-9]/.test(letter)) {
                    throw new RegexUnsupported('a back reference inside a character class');
                }
                return this.characterEscape(true);
        }
    }
}

/** A character inside a class, escaped where JavaScript would read it otherwise. */
const classLiteral = (char: string): string => ('\\]-[^'.includes(char) ? `\\${char}` : char);

/** One match: where it starts and ends, and each group's span (undefined if it took no part). */
export interface RegexMatch {
    readonly start: number;
    readonly end: number;
    readonly groups: readonly (readonly [number, number] | undefined)[];
}

function toMatch(found: RegExpExecArray | null): RegexMatch | undefined {
    if (!found) {
        return undefined;
    }
    const spans = found.indices ?? [];
    const whole = spans[0] ?? [found.index, found.index + found[0].length];
    return { start: whole[0], end: whole[1], groups: [...spans] };
}

/** A Java pattern, compiled: what Pattern and Matcher and String's regex methods run. */
export class JavaPattern {
    public readonly groupCount: number;
    public readonly groupNames: ReadonlyMap<string, number>;
    private readonly search: RegExp;
    private readonly anchored: RegExp;
    private readonly whole: RegExp;

    public constructor(public readonly source: string) {
        const leading = /^\(\?([a-zA-Z]+)\)/.exec(source);
        const flags = new Set(leading?.[1] ?? '');
        for (const flag of flags) {
            if (!'imsu'.includes(flag)) {
                throw new RegexUnsupported(`the flag (?${flag})`);
            }
        }
        const translator = new Translator(
            source,
            flags.has('m'),
            flags.has('s'),
            leading?.[0].length ?? 0
        );
        const translated = translator.run();
        this.groupCount = translator.groups;
        this.groupNames = translator.names;
        const ignoreCase = flags.has('i');
        if (ignoreCase && !flags.has('u') && hasNonAscii(source)) {
            throw new RegexUnsupported(
                'a case-insensitive pattern with non-ASCII characters (Java folds ASCII only)'
            );
        }
        const mode = ignoreCase ? 'dui' : 'du';
        try {
            this.search = new RegExp(translated, `g${mode}`);
            this.anchored = new RegExp(translated, `y${mode}`);
            this.whole = new RegExp(`(?:${translated})${INPUT_END}`, `y${mode}`);
        } catch {
            throw new RegexUnsupported('a pattern JavaScript cannot read (Java may reject it too)');
        }
    }

    /** The first match at or after `from`. */
    public find(text: string, from: number): RegexMatch | undefined {
        this.search.lastIndex = from;
        return toMatch(this.search.exec(text));
    }

    /** A match that starts at `at` (Matcher.lookingAt). */
    public lookingAt(text: string, at = 0): RegexMatch | undefined {
        this.anchored.lastIndex = at;
        return toMatch(this.anchored.exec(text));
    }

    /** A match of the whole text (Matcher.matches, Pattern.matches). */
    public matchesAll(text: string): RegexMatch | undefined {
        this.whole.lastIndex = 0;
        return toMatch(this.whole.exec(text));
    }

    /**
     * Every match, as Matcher.find() finds them one after another: each search starts where the
     * last match ended, one further after an empty match.
     */
    public *all(text: string): Generator<RegexMatch> {
        let first = -1;
        let last = 0;
        for (;;) {
            const from = last === first ? last + 1 : last;
            if (from > text.length) {
                return;
            }
            const found = this.find(text, from);
            if (!found) {
                return;
            }
            yield found;
            first = found.start;
            last = found.end;
        }
    }

    /**
     * Java's split (RG String split(regExp, limit)): a positive limit caps the list, zero drops
     * trailing empty strings; a zero-width match at the start gives no leading empty string.
     */
    public split(text: string, limit = 0): string[] {
        const parts: string[] = [];
        let index = 0;
        for (const found of this.all(text)) {
            if (limit > 0 && parts.length >= limit - 1) {
                if (parts.length === limit - 1) {
                    parts.push(text.slice(index));
                    index = found.end;
                }
                break;
            }
            if (index === 0 && found.start === 0 && found.end === 0) {
                continue;
            }
            parts.push(text.slice(index, found.start));
            index = found.end;
        }
        if (index === 0) {
            return [text];
        }
        if (limit <= 0 || parts.length < limit) {
            parts.push(text.slice(index));
        }
        if (limit === 0) {
            while (parts.length > 0 && parts[parts.length - 1] === '') {
                parts.pop();
            }
        }
        return parts;
    }

    /** Matcher.replaceAll / replaceFirst with Java's replacement syntax ($1, ${name}, \$). */
    public replace(text: string, replacement: string, all: boolean): string {
        let out = '';
        let index = 0;
        for (const found of this.all(text)) {
            out += text.slice(index, found.start) + this.expand(replacement, found, text);
            index = found.end;
            if (!all) {
                break;
            }
        }
        return out + text.slice(index);
    }

    /** A replacement string with its group references filled in (Java's appendReplacement). */
    public expand(replacement: string, found: RegexMatch, text: string): string {
        let out = '';
        const group = (number: number): string => {
            const span = found.groups[number];
            return span ? text.slice(span[0], span[1]) : '';
        };
        for (let index = 0; index < replacement.length; index++) {
            const char = replacement.charAt(index);
            if (char === '\\') {
                index++;
                if (index >= replacement.length) {
                    throw new RegexUnsupported(
                        'a replacement ending in a backslash (Java rejects it)'
                    );
                }
                out += replacement.charAt(index);
            } else if (char === '$') {
                index++;
                if (replacement.charAt(index) === '{') {
                    const close = replacement.indexOf('}', index);
                    const name = close < 0 ? '' : replacement.slice(index + 1, close);
                    const number = this.groupNames.get(name);
                    if (number === undefined) {
                        throw new RegexUnsupported(`a replacement naming no group: \${${name}}`);
                    }
                    out += group(number);
                    index = close;
                    continue;
                }
                if (!/[0-9]/.test(replacement.charAt(index))) {
                    throw new RegexUnsupported(
                        "a replacement with '$' and no group (Java rejects it)"
                    );
                }
                let number = Number(replacement.charAt(index));
                if (number > this.groupCount) {
                    throw new RegexUnsupported(
                        `a replacement naming group ${number}, which the pattern lacks`
                    );
                }
                while (
                    /[0-9]/.test(replacement.charAt(index + 1)) &&
                    number * 10 + Number(replacement.charAt(index + 1)) <= this.groupCount
                ) {
                    number = number * 10 + Number(replacement.charAt(index + 1));
                    index++;
                }
                out += group(number);
            } else {
                out += char;
            }
        }
        return out;
    }
}

/** Whether a pattern names a character beyond ASCII, literally, by an escape or a property. */
function hasNonAscii(source: string): boolean {
    if (/[^\x00-\x7f]|\\[pP]|\\x\{|\\x[89a-fA-F]/.test(source)) {
        return true;
    }
    return [...source.matchAll(/\\u([0-9a-fA-F]{4})/g)].some(
        (escape) => parseInt(escape[1] ?? '0', 16) > 0x7f
    );
}

/** Pattern.quote (RG): the text as a pattern that matches it literally, in \Q...\E. */
export function quotePattern(text: string): string {
    return `\\Q${text.split('\\E').join('\\E\\\\E\\Q')}\\E`;
}

/** Matcher.quoteReplacement (RG): the text as a replacement that inserts it literally. */
export const quoteReplacement = (text: string): string => text.replace(/[\\$]/g, '\\$&');

/** Compiled patterns by source: Apex code compiles the same few patterns over and over. */
const cache = new Map<string, JavaPattern>();

export function compileJava(source: string): JavaPattern {
    let pattern = cache.get(source);
    if (!pattern) {
        pattern = new JavaPattern(source);
        if (cache.size > 500) {
            cache.clear();
        }
        cache.set(source, pattern);
    }
    return pattern;
}
