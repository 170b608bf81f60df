import { PACKAGE_DIR } from './names';
import { metadataFile, type MetadataFile } from './types';

/** The Lightning web component admins use to connect, sync and follow the result. */
export const INTEGRATION_COMPONENT = 'calendlyIntegration';

/** The Lightning app page that holds the component, and the tab that opens it. */
export const INTEGRATION_PAGE = 'Calendly_Integration';

/** The app page with the integration component, and its tab. */
export function integrationPageAndTab(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/flexipages/${INTEGRATION_PAGE}.flexipage-meta.xml`,
            'FlexiPage',
            {
                description:
                    'Where admins connect Calendly, start a sync, follow its progress and see mapping problems.',
                flexiPageRegions: [
                    {
                        itemInstances: [
                            {
                                componentInstance: {
                                    componentName: INTEGRATION_COMPONENT,
                                    identifier: INTEGRATION_COMPONENT
                                }
                            }
                        ],
                        name: 'main',
                        type: 'Region'
                    }
                ],
                masterLabel: 'Calendly Integration',
                template: { name: 'flexipage:defaultAppHomeTemplate' },
                type: 'AppPage'
            }
        ),
        metadataFile(`${PACKAGE_DIR}/tabs/${INTEGRATION_PAGE}.tab-meta.xml`, 'CustomTab', {
            description:
                'Opens the Calendly integration page: connection, sync and mapping report.',
            flexiPage: INTEGRATION_PAGE,
            label: 'Calendly Integration',
            motif: 'Custom67: Gears'
        })
    ];
}
