import type { PlatformClass, PlatformLookup } from '../services';

/** Every platform class the runtime implements, by each lower-case name it can be written with. */
export class PlatformRegistry implements PlatformLookup {
    private readonly byName = new Map<string, PlatformClass>();

    public add(...classes: readonly PlatformClass[]): void {
        for (const platformClass of classes) {
            for (const name of platformClass.names) {
                this.byName.set(name, platformClass);
            }
        }
    }

    public find(name: string): PlatformClass | undefined {
        return this.byName.get(name.toLowerCase());
    }
}
