// Imported first by the command lines, for its effect: the sf CLI's libraries read these
// variables when they load, so they must be set before any of them is imported.
import { useSafeSfEnvironment } from './environment';

useSafeSfEnvironment();
