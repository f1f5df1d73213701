// The demo app: the elements plus the dashboard that lists the catalog's reports.
import '@redwire/web-components';
import './dashboard.element.js';
