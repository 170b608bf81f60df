import { ANSWERS_DIR, normalized, recordAnswers, staleAnswers } from '../answers';

/**
 * The components' Jest tests read the controller's answers from ANSWERS_DIR: they must be what
 * the real CalendlySyncController answers now, in the embedded org against the Calendly
 * stand-in, in the same scenarios the preview serves. A change to the controller that changes
 * an answer fails here until `npm run preview -- record` records it again.
 */
describe('the recorded controller answers', () => {
    it('are what the real controller answers in the preview scenarios', async () => {
        const answers = await recordAnswers();
        expect(answers.size).toBeGreaterThanOrEqual(15);
        const stale = staleAnswers(process.cwd(), answers).map(
            ({ file, problem }) =>
                `${ANSWERS_DIR}/${file}: ${problem} (run npm run preview -- record)`
        );
        expect(stale).toEqual([]);
    }, 240_000);

    it('fix the times only: each of its kind, an hour earlier per place in a list', () => {
        const value = normalized([
            { queuedAt: '2031-01-01T00:00:00.000Z', endedAt: null, name: 'SYNC-1' },
            { queuedAt: '2031-01-01T01:00:00.000Z', endedAt: '2031-01-01T01:00:09.000Z' }
        ]);
        expect(value).toEqual([
            { queuedAt: '2026-03-02T14:00:00.000Z', endedAt: null, name: 'SYNC-1' },
            { queuedAt: '2026-03-02T13:00:00.000Z', endedAt: '2026-03-02T13:02:10.000Z' }
        ]);
    });
});
