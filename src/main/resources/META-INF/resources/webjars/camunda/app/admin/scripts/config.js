// Our Admin configuration, replacing the webjar's: the settings all our web apps share.
import shared from '../../intervention/settings.js';

export default {
  ...shared
};
