// The embeddable module: every Redwire element, for `<script type="module" src="redwire-elements.js">`.
export * from '@redwire/web-components';
