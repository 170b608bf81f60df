import type { PlatformClass, PlatformLookup } from '../services';

/**
 * Every platform class the runtime implements, by each lower-case name it can be written with.
 * A class may come in parts (System's core methods, and its async methods from the org that runs
 * jobs): parts with the same full name are merged into one class.
 */
export class PlatformRegistry implements PlatformLookup {
    private readonly byName = new Map<string, PlatformClass>();

    public add(...classes: readonly PlatformClass[]): void {
        for (const part of classes) {
            const existing = this.byName.get(part.name.toLowerCase());
            const merged = existing ? merge(existing, part) : part;
            for (const name of new Set([...merged.names, part.name.toLowerCase()])) {
                this.byName.set(name, merged);
            }
        }
    }

    public find(name: string): PlatformClass | undefined {
        return this.byName.get(name.toLowerCase());
    }
}

function merge(a: PlatformClass, b: PlatformClass): PlatformClass {
    const join = <T>(
        x: readonly T[] | undefined,
        y: readonly T[] | undefined
    ): readonly T[] | undefined => (x || y ? [...(x ?? []), ...(y ?? [])] : undefined);
    const staticMethods = join(a.staticMethods, b.staticMethods);
    const instanceMethods = join(a.instanceMethods, b.instanceMethods);
    const constructors = join(a.constructors, b.constructors);
    const staticProperties = join(a.staticProperties, b.staticProperties);
    const instanceProperties = join(a.instanceProperties, b.instanceProperties);
    return {
        name: a.name,
        names: [...new Set([...a.names, ...b.names])],
        ...(staticMethods ? { staticMethods } : {}),
        ...(instanceMethods ? { instanceMethods } : {}),
        ...(constructors ? { constructors } : {}),
        ...(staticProperties ? { staticProperties } : {}),
        ...(instanceProperties ? { instanceProperties } : {})
    };
}
