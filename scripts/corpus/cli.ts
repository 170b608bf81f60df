import { runMain } from '../shared/command';
import { corpusCommand } from './command';
import { corpusMain } from './main';

runMain(
    corpusCommand,
    corpusMain((text) => {
        console.log(text);
    })
);
