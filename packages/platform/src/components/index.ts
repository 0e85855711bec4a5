export { bootstrap } from './bootstrap.js';
export { CNPG_OPERATOR, cnpgOperator, cnpgOperatorApplication, cnpgOperatorValues } from './cnpg-operator.js';
export { platformProject, rootApplication } from './root-app.js';
