// The form-js viewer as one script for the browser: window.FormJs.Form renders a Camunda Form (.form JSON).
export { Form, createForm, schemaVersion } from '@bpmn-io/form-js-viewer';
