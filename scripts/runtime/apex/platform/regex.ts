import { T } from '../types';
import { method, required } from './define';
import {
    compileJava,
    type JavaPattern,
    quotePattern,
    quoteReplacement,
    type RegexMatch,
    RegexUnsupported
} from './javaRegex';
import { refuse } from './refuse';
import type { CallSite, PlatformClass } from '../services';
import { ListValue, PlatformValue, type Value } from '../model';

/**
 * Pattern and Matcher (RG "Pattern Class", "Matcher Class"; DG "Using Patterns and Matchers"),
 * on the Java regular expressions of javaRegex.ts. A Matcher keeps Java's state: its region, the
 * span of the last match (searches go on from its end), the groups of a successful match.
 */

const PATTERN = 'System.Pattern';
const MATCHER = 'System.Matcher';
const patternType = T.platform(PATTERN);
const matcherType = T.platform(MATCHER);

/** Runs a regex operation, refusing what the translation to JavaScript cannot do. */
export function withJavaRegex<R>(
    site: CallSite,
    source: string,
    run: (pattern: JavaPattern) => R
): R {
    try {
        return run(compileJava(source));
    } catch (error) {
        if (error instanceof RegexUnsupported) {
            return refuse(site, `the regular expression ${JSON.stringify(source)}: ${error.what}`);
        }
        throw error;
    }
}

interface MatcherState {
    patternValue: PlatformValue;
    compiled: JavaPattern;
    input: string;
    regionStart: number;
    regionEnd: number;
    /** Java's `first` and `last`: the last match's span, first -1 when there is none. */
    first: number;
    last: number;
    /** The last successful match, in positions of the whole input. */
    match: RegexMatch | undefined;
}

const compiledOf = (pattern: Value): JavaPattern =>
    (pattern as PlatformValue).state.compiled as JavaPattern;
const stateOf = (matcher: Value): MatcherState =>
    (matcher as PlatformValue).state.matcher as MatcherState;

function newPattern(source: string, site: CallSite): PlatformValue {
    return withJavaRegex(
        site,
        source,
        (compiled) => new PlatformValue(PATTERN, { compiled, source })
    );
}

function newMatcher(patternValue: PlatformValue, input: string): PlatformValue {
    const state: MatcherState = {
        patternValue,
        compiled: compiledOf(patternValue),
        input,
        regionStart: 0,
        regionEnd: input.length,
        first: -1,
        last: 0,
        match: undefined
    };
    return new PlatformValue(MATCHER, { matcher: state });
}

/** Java's reset(): no match, the search from the start, the region the whole input. */
function reset(state: MatcherState): void {
    state.first = -1;
    state.last = 0;
    state.match = undefined;
    state.regionStart = 0;
    state.regionEnd = state.input.length;
}

/** A match found in the region, moved to positions of the whole input. */
function shifted(found: RegexMatch | undefined, offset: number): RegexMatch | undefined {
    return found
        ? {
              start: found.start + offset,
              end: found.end + offset,
              groups: found.groups.map((span) =>
                  span ? ([span[0] + offset, span[1] + offset] as const) : undefined
              )
          }
        : undefined;
}

/** Records the outcome of a match operation as Java's Matcher does. */
function record(state: MatcherState, found: RegexMatch | undefined): boolean {
    state.match = found;
    if (found) {
        state.first = found.start;
        state.last = found.end;
    } else {
        state.first = -1;
    }
    return found !== undefined;
}

const region = (state: MatcherState): string =>
    state.input.slice(state.regionStart, state.regionEnd);

/** find(): on from the end of the last match (one further after an empty one), in the region. */
function findNext(state: MatcherState): boolean {
    let from = state.last === state.first ? state.last + 1 : state.last;
    from = Math.max(from, state.regionStart);
    if (from > state.regionEnd) {
        return record(state, undefined);
    }
    const found = state.compiled.find(region(state), from - state.regionStart);
    return record(state, shifted(found, state.regionStart));
}

/** The last match, or a refusal: Java throws IllegalStateException "No match found". */
function currentMatch(state: MatcherState, site: CallSite, what: string): RegexMatch {
    return (
        state.match ??
        refuse(site, `Matcher.${what} without a successful match [verify in an org: the exception]`)
    );
}

function groupSpan(
    state: MatcherState,
    index: Value | undefined,
    site: CallSite,
    what: string
): readonly [number, number] | undefined {
    const match = currentMatch(state, site, what);
    const group = required((index ?? null) as number | null, site);
    if (group < 0 || group > state.compiled.groupCount) {
        return refuse(site, `Matcher.${what} of group ${group}, which the pattern lacks`);
    }
    return match.groups[group];
}

function replaceIn(state: MatcherState, replacement: string, all: boolean, site: CallSite): string {
    reset(state);
    return withJavaRegex(site, state.compiled.source, (compiled) => {
        let out = '';
        let index = 0;
        while (findNext(state)) {
            const match = state.match as RegexMatch;
            out +=
                state.input.slice(index, match.start) +
                compiled.expand(replacement, match, state.input);
            index = match.end;
            if (!all) {
                break;
            }
        }
        return out + state.input.slice(index);
    });
}

const text = (value: Value | undefined, site: CallSite): string =>
    required((value ?? null) as string | null, site);

export const patternClass: PlatformClass = {
    name: PATTERN,
    names: ['pattern', 'system.pattern'],
    staticMethods: [
        method('compile', [T.string], patternType, (_self, [source], site) =>
            newPattern(text(source, site), site)
        ),
        // "produces the same result as Pattern.compile(regex).matcher(input).matches()"
        method('matches', [T.string, T.string], T.boolean, (_self, [source, input], site) =>
            withJavaRegex(
                site,
                text(source, site),
                (compiled) => compiled.matchesAll(text(input, site)) !== undefined
            )
        ),
        method('quote', [T.string], T.string, (_self, [value], site) =>
            quotePattern(text(value, site))
        )
    ],
    instanceMethods: [
        method('matcher', [T.string], matcherType, (self, [input], site) =>
            newMatcher(self as PlatformValue, text(input, site))
        ),
        method('pattern', [], T.string, (self) => (self as PlatformValue).state.source as string),
        // The argument is the input to split, as Java's Pattern.split(CharSequence).
        method(
            'split',
            [T.string],
            T.list(T.string),
            (self, [input], site) =>
                new ListValue(T.string, compiledOf(self).split(text(input, site)))
        ),
        method(
            'split',
            [T.string, T.integer],
            T.list(T.string),
            (self, [input, limit], site) =>
                new ListValue(
                    T.string,
                    compiledOf(self).split(
                        text(input, site),
                        required((limit ?? null) as number | null, site)
                    )
                )
        )
    ]
};

export const matcherClass: PlatformClass = {
    name: MATCHER,
    names: ['matcher', 'system.matcher'],
    staticMethods: [
        method('quoteReplacement', [T.string], T.string, (_self, [value], site) =>
            quoteReplacement(text(value, site))
        )
    ],
    instanceMethods: [
        method(
            'end',
            [],
            T.integer,
            (self, _args, site) => currentMatch(stateOf(self), site, 'end()').end
        ),
        // "If the match was successful but the group itself did not match anything, ... -1."
        method(
            'end',
            [T.integer],
            T.integer,
            (self, [group], site) => groupSpan(stateOf(self), group, site, 'end(group)')?.[1] ?? -1
        ),
        method('find', [], T.boolean, (self) => findNext(stateOf(self))),
        // "Resets the Matcher object and then tries to find the next subsequence" from the index.
        method('find', [T.integer], T.boolean, (self, [start], site) => {
            const state = stateOf(self);
            const from = required((start ?? null) as number | null, site);
            if (from < 0 || from > state.input.length) {
                return refuse(site, `Matcher.find(${from}) outside the input [verify in an org]`);
            }
            reset(state);
            return record(state, state.compiled.find(state.input, from));
        }),
        method('group', [], T.string, (self, _args, site) => {
            const state = stateOf(self);
            const match = currentMatch(state, site, 'group()');
            return state.input.slice(match.start, match.end);
        }),
        // "If the match was successful but the specified group failed to match ..., null".
        method('group', [T.integer], T.string, (self, [group], site) => {
            const state = stateOf(self);
            const span = groupSpan(state, group, site, 'group(index)');
            return span ? state.input.slice(span[0], span[1]) : null;
        }),
        method('groupCount', [], T.integer, (self) => stateOf(self).compiled.groupCount),
        // "By default, a Matcher object uses anchoring bounds" and "opaque region boundaries".
        method('hasAnchoringBounds', [], T.boolean, () => true),
        method('hasTransparentBounds', [], T.boolean, () => false),
        method('lookingAt', [], T.boolean, (self) => {
            const state = stateOf(self);
            return record(
                state,
                shifted(state.compiled.lookingAt(region(state)), state.regionStart)
            );
        }),
        method('matches', [], T.boolean, (self) => {
            const state = stateOf(self);
            return record(
                state,
                shifted(state.compiled.matchesAll(region(state)), state.regionStart)
            );
        }),
        method('pattern', [], patternType, (self) => stateOf(self).patternValue),
        // "first resets the Matcher object, then sets the region".
        method('region', [T.integer, T.integer], matcherType, (self, [start, end], site) => {
            const state = stateOf(self);
            const from = required((start ?? null) as number | null, site);
            const to = required((end ?? null) as number | null, site);
            if (from < 0 || to < from || to > state.input.length) {
                return refuse(
                    site,
                    `Matcher.region(${from}, ${to}) outside the input [verify in an org]`
                );
            }
            reset(state);
            state.regionStart = from;
            state.regionEnd = to;
            state.last = from;
            return self;
        }),
        method('regionEnd', [], T.integer, (self) => stateOf(self).regionEnd),
        method('regionStart', [], T.integer, (self) => stateOf(self).regionStart),
        // "This method first resets the Matcher object, then scans the input sequence".
        method('replaceAll', [T.string], T.string, (self, [replacement], site) =>
            replaceIn(stateOf(self), text(replacement, site), true, site)
        ),
        method('replaceFirst', [T.string], T.string, (self, [replacement], site) =>
            replaceIn(stateOf(self), text(replacement, site), false, site)
        ),
        method('reset', [], matcherType, (self) => {
            reset(stateOf(self));
            return self;
        }),
        method('reset', [T.string], matcherType, (self, [input], site) => {
            const state = stateOf(self);
            state.input = text(input, site);
            reset(state);
            return self;
        }),
        method(
            'start',
            [],
            T.integer,
            (self, _args, site) => currentMatch(stateOf(self), site, 'start()').start
        ),
        method(
            'start',
            [T.integer],
            T.integer,
            (self, [group], site) =>
                groupSpan(stateOf(self), group, site, 'start(group)')?.[0] ?? -1
        ),
        method('useAnchoringBounds', [T.boolean], matcherType, (self, [anchoring], site) =>
            anchoring === false ? refuse(site, 'Matcher.useAnchoringBounds(false)') : self
        ),
        method('useTransparentBounds', [T.boolean], matcherType, (self, [transparent], site) =>
            transparent === true ? refuse(site, 'Matcher.useTransparentBounds(true)') : self
        ),
        // "lose information about the groups of the last match ... position ... is maintained".
        method('usePattern', [patternType], matcherType, (self, [pattern = null], site) => {
            const state = stateOf(self);
            state.patternValue = required(pattern, site) as PlatformValue;
            state.compiled = compiledOf(state.patternValue);
            state.match = undefined;
            return self;
        }),
        method('hitEnd', [], T.boolean, (_self, _args, site) => refuse(site, 'Matcher.hitEnd()')),
        method('requireEnd', [], T.boolean, (_self, _args, site) =>
            refuse(site, 'Matcher.requireEnd()')
        )
    ]
};
