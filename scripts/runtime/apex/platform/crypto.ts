import { randomBytes } from 'node:crypto';
import { T } from '../types';
import { method } from './define';
import type { PlatformClass } from '../services';

/**
 * Crypto's random numbers (RG "Crypto Class": getRandomInteger() "Returns a random 4-byte
 * integer", getRandomLong() "a random 8-byte long", both from a secure random source). Digests,
 * MACs, signatures and ciphers are not implemented, and so refused.
 */
export const cryptoClass: PlatformClass = {
    name: 'System.Crypto',
    names: ['crypto', 'system.crypto'],
    staticMethods: [
        method('getRandomInteger', [], T.integer, () => randomBytes(4).readInt32BE(0)),
        method('getRandomLong', [], T.long, () => randomBytes(8).readBigInt64BE(0))
    ]
};
