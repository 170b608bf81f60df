import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/calendlyLabels';

/**
 * The Connection section: the Calendly user and organization the credential reaches, why the
 * organization's members can't be read when they can't, or "Not connected" with Calendly's
 * reason and the steps to connect.
 */
export default class CalendlyConnection extends LightningElement {
    /** CalendlySyncViews.Connection, as getConnectionStatus answers. */
    @api connection;
    /** Why the connection could not be checked. */
    @api error;
    @api loading = false;

    label = LABELS;

    get isConnected() {
        return !!(this.connection && this.connection.connected);
    }

    get badge() {
        return this.isConnected ? LABELS.Connected : LABELS.NotConnected;
    }

    get icon() {
        return this.isConnected ? 'utility:success' : 'utility:error';
    }

    get iconVariant() {
        return this.isConnected ? 'success' : 'error';
    }

    /** The organization's name; its API URI when Calendly gave no name. */
    get organization() {
        const { organizationName, organizationUri } = this.connection || {};
        return organizationName || organizationUri;
    }

    get organizationUri() {
        return this.connection && this.connection.organizationUri;
    }

    get user() {
        const { userName, userEmail } = this.connection || {};
        if (userName && userEmail) {
            return `${userName} (${userEmail})`;
        }
        return userName || userEmail;
    }

    /** Why the organization's name could not be read. */
    get organizationMessage() {
        return this.connection && this.connection.organizationMessage;
    }

    /**
     * Why the token can't read the organization's members, which the sync reads: only when the
     * controller says it can't (canReadOrganization false), and not twice when it is the reason
     * already given for the name.
     */
    get organizationAccessMessage() {
        const connection = this.connection || {};
        if (connection.canReadOrganization !== false) {
            return undefined;
        }
        const message = connection.organizationAccessMessage;
        return message && message !== connection.organizationMessage ? message : undefined;
    }

    get message() {
        return this.connection && this.connection.message;
    }
}
