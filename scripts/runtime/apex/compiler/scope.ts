import { ApexCompileError } from '../errors';
import type { ApexType, SourcePlace } from '../model';

/** A local variable or parameter: its slot in the frame and its declared type. */
export interface Local {
    readonly name: string;
    readonly slot: number;
    readonly type: ApexType;
}

/**
 * The local variables of a method, block by block. Names are case-insensitive, and a name
 * cannot be declared twice in nested scopes (DG "Variables": `Integer I;` then `Integer i;` is a
 * duplicate). Each variable gets a slot of its own, so that closures never share one.
 */
export class Scopes {
    private readonly stack: Map<string, Local>[] = [new Map<string, Local>()];
    private slots = 0;

    public get size(): number {
        return this.slots;
    }

    public enter(): void {
        this.stack.push(new Map());
    }

    public leave(): void {
        this.stack.pop();
    }

    public declare(name: string, type: ApexType, place: SourcePlace): Local {
        const key = name.toLowerCase();
        if (this.find(name)) {
            throw new ApexCompileError(place, `Duplicate variable: ${name}`);
        }
        const local = { name, slot: this.slots++, type };
        this.stack[this.stack.length - 1]?.set(key, local);
        return local;
    }

    public find(name: string): Local | undefined {
        const key = name.toLowerCase();
        for (let index = this.stack.length - 1; index >= 0; index--) {
            const found = this.stack[index]?.get(key);
            if (found) {
                return found;
            }
        }
        return undefined;
    }
}
